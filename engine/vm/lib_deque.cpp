// collections.deque in C++ (the asyncio ready queue is one, so it sits on the hot path): a
// std::deque of Values with maxlen, CPython's reprs, errors and "mutated during iteration" check.
#include <deque>

#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

namespace {

struct Deque : Object {
    explicit Deque(Type* t) : Object(t) {}
    std::deque<Value> items;
    std::int64_t maxlen = -1;   // -1: unbounded
    std::uint64_t state = 0;    // bumps on every mutation (iterators check it)

    void push_back(Value v) {
        ++state;
        if (maxlen == 0) return;
        if (maxlen > 0 && static_cast<std::int64_t>(items.size()) >= maxlen) items.pop_front();
        items.push_back(std::move(v));
    }
    void push_front(Value v) {
        ++state;
        if (maxlen == 0) return;
        if (maxlen > 0 && static_cast<std::int64_t>(items.size()) >= maxlen) items.pop_back();
        items.push_front(std::move(v));
    }
};

struct DequeIter : Object {
    DequeIter(Type* t, Value d, bool rev) : Object(t), deque(std::move(d)), reversed(rev), state(deque.as<Deque>()->state) {}
    Value deque;
    bool reversed;
    std::uint64_t state;
    std::size_t index = 0;
};

Deque* self_deque(const Args& a) { return a[0].as<Deque>(); }

bool is_deque(VM& vm, const Value& v) { return isinstance(v, lib_state(vm).deque); }

bool extend_right(VM& vm, Deque* d, const Value& iterable, bool left) {
    std::vector<Value> items;
    if (!collect(vm, iterable, items)) return false;  // also handles d.extend(d)
    for (auto& v : items) {
        if (left) d->push_front(std::move(v));
        else d->push_back(std::move(v));
    }
    return true;
}

Value deque_new(VM& vm, Type* cls, Args) { return Value::steal(new Deque(cls)); }

bool deque_init(VM& vm, const Value& self, Args a) {
    if (a.size() > 2) {
        raise_fmt(vm, vm.exc.TypeError, "deque() takes at most 2 arguments ({} given)", a.size());
        return false;
    }
    if (!only_kwargs(vm, a, "deque", {"iterable", "maxlen"})) return false;
    Deque* d = self.as<Deque>();
    Value ml = arg_or_kw(a, 1, "maxlen");
    d->maxlen = -1;
    if (ml && !ml.is_none()) {
        std::int64_t m;
        if (!index_int64(vm, ml, m)) return false;
        if (m < 0) {
            raise(vm, vm.exc.ValueError, "maxlen must be non-negative");
            return false;
        }
        d->maxlen = m;
    }
    if (!d->items.empty()) {
        ++d->state;
        d->items.clear();
    }
    Value it = arg_or_kw(a, 0, "iterable");
    if (it) return extend_right(vm, d, it, false);
    return true;
}

Value deque_repr(VM& vm, const Value& self) {
    Deque* d = self.as<Deque>();
    std::string out(type_of(self)->name);
    out += "([";
    std::vector<Value> snapshot(d->items.begin(), d->items.end());
    for (std::size_t i = 0; i < snapshot.size(); ++i) {
        if (i) out += ", ";
        if (snapshot[i].is(self)) out += "[...]";
        else if (!repr_into(vm, snapshot[i], out)) return {};
    }
    out += "]";
    if (d->maxlen >= 0) out += fmt::format(", maxlen={}", d->maxlen);
    out += ")";
    return new_str(vm, std::move(out));
}

bool deque_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<Deque>()->items.size());
    return true;
}

int deque_truth(VM&, const Value& self) { return self.as<Deque>()->items.empty() ? 0 : 1; }

bool deque_index_of(VM& vm, Deque* d, const Value& key, std::size_t& out) {
    std::int64_t i;
    if (!index_int64(vm, key, i)) return false;
    std::int64_t n = static_cast<std::int64_t>(d->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        raise(vm, vm.exc.IndexError, "deque index out of range");
        return false;
    }
    out = static_cast<std::size_t>(i);
    return true;
}

Value deque_getitem(VM& vm, const Value& self, const Value& key) {
    Deque* d = self.as<Deque>();
    if (is_type(key, vm.types.slice)) return raise(vm, vm.exc.TypeError, "sequence index must be integer, not 'slice'");
    std::size_t i;
    if (!deque_index_of(vm, d, key, i)) return {};
    return d->items[i];
}

bool deque_setitem(VM& vm, const Value& self, const Value& key, const Value& value) {
    Deque* d = self.as<Deque>();
    std::size_t i;
    if (!deque_index_of(vm, d, key, i)) return false;
    d->items[i] = value;
    return true;
}

bool deque_delitem(VM& vm, const Value& self, const Value& key) {
    Deque* d = self.as<Deque>();
    std::size_t i;
    if (!deque_index_of(vm, d, key, i)) return false;
    ++d->state;
    Value dropped = std::move(d->items[i]);
    d->items.erase(d->items.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

int deque_contains(VM& vm, const Value& self, const Value& item) {
    Deque* d = self.as<Deque>();
    std::uint64_t state = d->state;
    for (std::size_t i = 0; i < d->items.size(); ++i) {
        Value x = d->items[i];
        int r = eq(vm, x, item);
        if (r != 0) return r;
        if (d->state != state) {
            raise(vm, vm.exc.RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

Value deque_iter(VM& vm, const Value& self) {
    Type* t = lib_state(vm).deque_iterator;
    return Value::steal(new DequeIter(t, self, false));
}

Value deque_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<DequeIter>();
    if (!it->deque) return {};
    Deque* d = it->deque.as<Deque>();
    if (d->state != it->state) {
        it->deque = Value();
        return raise(vm, vm.exc.RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->items.size()) {
        it->deque = Value();
        return {};
    }
    std::size_t i = it->reversed ? d->items.size() - 1 - it->index : it->index;
    ++it->index;
    return d->items[i];
}

Value deque_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_deque(vm, b)) return vm.not_implemented;
    // Compare as lists would: lexicographic with ==, then op on the first difference.
    std::vector<Value> x(a.as<Deque>()->items.begin(), a.as<Deque>()->items.end());
    std::vector<Value> y(b.as<Deque>()->items.begin(), b.as<Deque>()->items.end());
    std::size_t i = 0;
    for (; i < x.size() && i < y.size(); ++i) {
        int r = eq(vm, x[i], y[i]);
        if (r < 0) return {};
        if (!r) break;
    }
    if (i >= x.size() || i >= y.size()) {
        std::size_t nx = x.size(), ny = y.size();
        bool res = false;
        switch (op) {
            case CompareOp::Lt: res = nx < ny; break;
            case CompareOp::Le: res = nx <= ny; break;
            case CompareOp::Eq: res = nx == ny; break;
            case CompareOp::Ne: res = nx != ny; break;
            case CompareOp::Gt: res = nx > ny; break;
            case CompareOp::Ge: res = nx >= ny; break;
        }
        return Value::boolean(res);
    }
    if (op == CompareOp::Eq) return Value::boolean(false);
    if (op == CompareOp::Ne) return Value::boolean(true);
    return compare(vm, x[i], y[i], op);
}

Value make_copy(VM& vm, const Value& self) {
    Deque* d = self.as<Deque>();
    Value r = Value::steal(new Deque(type_of(self)));
    r.as<Deque>()->items = d->items;
    r.as<Deque>()->maxlen = d->maxlen;
    return r;
}

Value deque_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    BinOp bop = base_op(op);
    if (bop == BinOp::Add) {
        if (!is_deque(vm, a) || !is_deque(vm, b)) {
            if (is_deque(vm, a))
                return raise_fmt(vm, vm.exc.TypeError, "can only concatenate deque (not \"{}\") to deque", type_name(b));
            return vm.not_implemented;
        }
        Value r = is_inplace(op) ? a : make_copy(vm, a);
        std::vector<Value> items(b.as<Deque>()->items.begin(), b.as<Deque>()->items.end());
        for (auto& v : items) r.as<Deque>()->push_back(std::move(v));
        return r;
    }
    if (bop == BinOp::Mul) {
        const Value& d = is_deque(vm, a) ? a : b;
        const Value& n = is_deque(vm, a) ? b : a;
        if (!is_deque(vm, d) || !is_int(n)) return vm.not_implemented;
        std::int64_t k;
        if (!index_int64(vm, n, k)) return {};
        Value r = is_inplace(op) && d.is(a) ? a : make_copy(vm, d);
        Deque* rd = r.as<Deque>();
        std::vector<Value> items(rd->items.begin(), rd->items.end());
        ++rd->state;
        rd->items.clear();
        for (std::int64_t i = 0; i < k; ++i)
            for (const auto& v : items) rd->push_back(v);
        return r;
    }
    return vm.not_implemented;
}

// --- methods ---------------------------------------------------------------------------------

Value m_append(VM& vm, Args a) {
    if ((a.size() != 2 || a.has_kwargs()) && !method_one(vm, a, "deque.append")) return {};
    self_deque(a)->push_back(a[1]);
    return Value::none();
}

Value m_appendleft(VM& vm, Args a) {
    if ((a.size() != 2 || a.has_kwargs()) && !method_one(vm, a, "deque.appendleft")) return {};
    self_deque(a)->push_front(a[1]);
    return Value::none();
}

Value m_pop(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.pop")) return {};
    Deque* d = self_deque(a);
    if (d->items.empty()) return raise(vm, vm.exc.IndexError, "pop from an empty deque");
    ++d->state;
    Value v = std::move(d->items.back());
    d->items.pop_back();
    return v;
}

Value m_popleft(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.popleft")) return {};
    Deque* d = self_deque(a);
    if (d->items.empty()) return raise(vm, vm.exc.IndexError, "pop from an empty deque");
    ++d->state;
    Value v = std::move(d->items.front());
    d->items.pop_front();
    return v;
}

Value m_extend(VM& vm, Args a) {
    if (!method_one(vm, a, "deque.extend")) return {};
    if (!extend_right(vm, self_deque(a), a[1], false)) return {};
    return Value::none();
}

Value m_extendleft(VM& vm, Args a) {
    if (!method_one(vm, a, "deque.extendleft")) return {};
    if (!extend_right(vm, self_deque(a), a[1], true)) return {};
    return Value::none();
}

Value m_rotate(VM& vm, Args a) {
    if (!method_range(vm, a, "rotate", 0, 1)) return {};
    std::int64_t n = 1;
    if (a.size() == 2 && !index_int64(vm, a[1], n)) return {};
    Deque* d = self_deque(a);
    std::int64_t len = static_cast<std::int64_t>(d->items.size());
    if (len <= 1) return Value::none();
    ++d->state;
    n %= len;
    if (n < 0) n += len;
    // Rotate right by n: the last n items move to the front.
    std::rotate(d->items.begin(), d->items.begin() + (len - n), d->items.end());
    return Value::none();
}

Value m_clear(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.clear")) return {};
    Deque* d = self_deque(a);
    ++d->state;
    std::deque<Value> old = std::move(d->items);
    d->items.clear();
    return Value::none();
}

Value m_copy(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.copy")) return {};
    return make_copy(vm, a[0]);
}

Value m_count(VM& vm, Args a) {
    if (!method_one(vm, a, "deque.count")) return {};
    Deque* d = self_deque(a);
    std::uint64_t state = d->state;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < d->items.size(); ++i) {
        Value x = d->items[i];
        int r = eq(vm, x, a[1]);
        if (r < 0) return {};
        n += r;
        if (d->state != state) return raise(vm, vm.exc.RuntimeError, "deque mutated during iteration");
    }
    return Value::integer(n);
}

Value m_index(VM& vm, Args a) {
    if (!method_range(vm, a, "index", 1, 3)) return {};
    Deque* d = self_deque(a);
    std::int64_t n = static_cast<std::int64_t>(d->items.size());
    std::optional<std::int64_t> s, e;
    if (a.size() > 2 && !clamped_index(vm, a[2], s)) return {};
    if (a.size() > 3 && !clamped_index(vm, a[3], e)) return {};
    std::int64_t start = s.value_or(0), stop = e.value_or(n);
    if (start < 0) start = std::max<std::int64_t>(0, start + n);
    if (stop < 0) stop = std::max<std::int64_t>(0, stop + n);
    std::uint64_t state = d->state;
    for (std::int64_t i = start; i < stop && i < static_cast<std::int64_t>(d->items.size()); ++i) {
        Value x = d->items[static_cast<std::size_t>(i)];
        int r = eq(vm, x, a[1]);
        if (r < 0) return {};
        if (d->state != state) return raise(vm, vm.exc.RuntimeError, "deque mutated during iteration");
        if (r) return Value::integer(i);
    }
    Value rp = repr(vm, a[1]);
    if (!rp) return {};
    return raise_fmt(vm, vm.exc.ValueError, "{} is not in deque", str_view(rp));
}

Value m_insert(VM& vm, Args a) {
    if (!method_range(vm, a, "insert", 2, 2)) return {};
    Deque* d = self_deque(a);
    std::int64_t i;
    if (!index_int64(vm, a[1], i)) return {};
    std::int64_t n = static_cast<std::int64_t>(d->items.size());
    if (d->maxlen >= 0 && n >= d->maxlen) return raise(vm, vm.exc.IndexError, "deque already at its maximum size");
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    if (i > n) i = n;
    ++d->state;
    d->items.insert(d->items.begin() + i, a[2]);
    return Value::none();
}

Value m_remove(VM& vm, Args a) {
    if (!method_one(vm, a, "deque.remove")) return {};
    Deque* d = self_deque(a);
    std::uint64_t state = d->state;
    for (std::size_t i = 0; i < d->items.size(); ++i) {
        Value x = d->items[i];
        int r = eq(vm, x, a[1]);
        if (r < 0) return {};
        if (d->state != state) return raise(vm, vm.exc.IndexError, "deque mutated during remove().");
        if (r) {
            ++d->state;
            Value dropped = std::move(d->items[i]);
            d->items.erase(d->items.begin() + static_cast<std::ptrdiff_t>(i));
            return Value::none();
        }
    }
    Value rp = repr(vm, a[1]);
    if (!rp) return {};
    return raise_fmt(vm, vm.exc.ValueError, "{} is not in deque", str_view(rp));
}

Value m_reverse(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.reverse")) return {};
    Deque* d = self_deque(a);
    ++d->state;
    std::reverse(d->items.begin(), d->items.end());
    return Value::none();
}

Value m_reversed(VM& vm, Args a) {
    if (!method_none(vm, a, "deque.__reversed__")) return {};
    return Value::steal(new DequeIter(lib_state(vm).deque_iterator, a[0], true));
}

Value get_maxlen(VM&, const Value& self) {
    std::int64_t m = self.as<Deque>()->maxlen;
    return m < 0 ? Value::none() : Value::integer(m);
}

}  // namespace

// Creates the deque type (module "collections"); _collections exposes it.
Type* make_deque_type(VM& vm) {
    LibState& st = lib_state(vm);
    if (st.deque) return st.deque;
    Type* t = make_builtin_type(vm, "deque", vm.types.object, kTypeBaseType);
    t->module = "collections";
    t->alloc = [](VM&, Type* cls) -> Object* { return new Deque(cls); };
    t->slots.new_ = deque_new;
    t->slots.init = deque_init;
    t->slots.repr = deque_repr;
    t->slots.str = nullptr;
    t->slots.len = deque_len;
    t->slots.truth = deque_truth;
    t->slots.getitem = deque_getitem;
    t->slots.setitem = deque_setitem;
    t->slots.delitem = deque_delitem;
    t->slots.contains = deque_contains;
    t->slots.iter = deque_iter;
    t->slots.richcompare = deque_richcompare;
    t->slots.binop = deque_binop;
    t->slots.hash = nullptr;
    t->dict.as<Dict>()->set(vm, "__hash__", Value::none());
    struct M {
        const char* name;
        NativeFn fn;
    };
    static const M methods[] = {
        {"append", m_append}, {"appendleft", m_appendleft}, {"pop", m_pop}, {"popleft", m_popleft},
        {"extend", m_extend}, {"extendleft", m_extendleft}, {"rotate", m_rotate}, {"clear", m_clear},
        {"copy", m_copy}, {"count", m_count}, {"index", m_index}, {"insert", m_insert},
        {"remove", m_remove}, {"reverse", m_reverse}, {"__reversed__", m_reversed}, {"__copy__", m_copy},
    };
    for (const M& m : methods) def_method(vm, t, m.name, m.fn);
    def_getset(vm, t, "maxlen", get_maxlen);
    Type* it = make_lib_type(vm, "_collections._deque_iterator");
    it->name = it->qualname = "_deque_iterator";
    it->module = "_collections";
    it->slots.iter = [](VM&, const Value& s) { return s; };
    it->slots.next = deque_iter_next;
    it->slots.new_ = nullptr;
    st.deque = t;
    st.deque_iterator = it;
    return t;
}

bool append_to_deque(VM& vm, const Value& d, const Value& v) {
    if (!is_type(d, lib_state(vm).deque)) return false;
    d.as<Deque>()->push_back(v);
    return true;
}

}  // namespace ll::vm::lib
