// tuple, list, range and slice: indexing, slicing, concatenation, comparison, iteration,
// constructors and the core list methods (append, pop, sort, ...).
#include <algorithm>

#include "engine/base/slice.hpp"
#include "engine/vm/internal.hpp"

namespace ll::vm {

// ---------------------------------------------------------------------------------------------
// Slices
// ---------------------------------------------------------------------------------------------

static bool slice_bound(VM& vm, const Value& v, std::optional<std::int64_t>& out) {
    if (v.is_none()) {
        out.reset();
        return true;
    }
    std::int64_t x;
    if (to_int64(v, x)) {
        out = x;
        return true;
    }
    if (is_int(v)) {
        out = to_bigint(v).is_negative() ? INT64_MIN : INT64_MAX;
        return true;
    }
    Value f = type_of(v)->lookup(vm.intern("__index__"));
    if (f && index_int64(vm, v, x)) {
        out = x;
        return true;
    }
    if (has_error(vm)) clear_error(vm);
    raise(vm, vm.exc.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

bool slice_indices(VM& vm, const Value& slice, std::int64_t len, std::int64_t& start, std::int64_t& stop,
                   std::int64_t& step, std::int64_t& n) {
    auto* s = slice.as<Slice>();
    std::optional<std::int64_t> a, b, c;
    if (!slice_bound(vm, s->start, a) || !slice_bound(vm, s->stop, b) || !slice_bound(vm, s->step, c)) return false;
    auto r = base::adjust_slice(len, a, b, c);
    if (!r) {
        raise_from_base(vm, r.error());
        return false;
    }
    start = r->start;
    stop = r->stop;
    step = r->step;
    n = r->length;
    return true;
}

static Value slice_repr(VM& vm, const Value& self) {
    auto* s = self.as<Slice>();
    std::string out = "slice(";
    if (!repr_into(vm, s->start, out)) return {};
    out += ", ";
    if (!repr_into(vm, s->stop, out)) return {};
    out += ", ";
    if (!repr_into(vm, s->step, out)) return {};
    out += ")";
    return new_str(vm, std::move(out));
}

static Value slice_new(VM& vm, Type*, Args a) {
    if (a.size() == 1) return Value::steal(new Slice(vm.types.slice, Value::none(), a[0], Value::none()));
    if (a.size() == 2) return Value::steal(new Slice(vm.types.slice, a[0], a[1], Value::none()));
    if (a.size() == 3) return Value::steal(new Slice(vm.types.slice, a[0], a[1], a[2]));
    return raise(vm, vm.exc.TypeError, "slice expected at least 1 argument, got 0");
}

// ---------------------------------------------------------------------------------------------
// Shared sequence helpers
// ---------------------------------------------------------------------------------------------

static bool seq_repr(VM& vm, std::span<const Value> items, const char* open, const char* close, bool one_tuple,
                     std::string& out, const Value& self) {
    out += open;
    // Copy: a __repr__ may mutate the list.
    std::vector<Value> copy(items.begin(), items.end());
    for (std::size_t i = 0; i < copy.size(); ++i) {
        if (i) out += ", ";
        if (copy[i].is(self)) {
            out += std::string(open) + "..." + close;
            continue;
        }
        if (!repr_into(vm, copy[i], out)) return false;
    }
    if (one_tuple && copy.size() == 1) out += ",";
    out += close;
    return true;
}

// Items: two lists' vectors (re-read on each step: __eq__ may mutate them) or two tuples' items.
template <class Items>
static Value seq_compare(VM& vm, const Items& x, const Items& y, CompareOp op) {
    std::size_t n = std::min(x.size(), y.size());
    std::size_t i = 0;
    for (; i < n; ++i) {
        Value a = x[i], b = y[i];
        int e = eq(vm, a, b);
        if (e < 0) return {};
        if (!e) break;
    }
    if (i >= x.size() || i >= y.size()) {
        std::size_t a = x.size(), b = y.size();
        bool r = false;
        switch (op) {
            case CompareOp::Lt: r = a < b; break;
            case CompareOp::Le: r = a <= b; break;
            case CompareOp::Eq: r = a == b; break;
            case CompareOp::Ne: r = a != b; break;
            case CompareOp::Gt: r = a > b; break;
            case CompareOp::Ge: r = a >= b; break;
        }
        return Value::boolean(r);
    }
    if (op == CompareOp::Eq) return Value::boolean(false);
    if (op == CompareOp::Ne) return Value::boolean(true);
    return compare(vm, x[i], y[i], op);
}

static bool seq_index(VM& vm, const Value& key, std::int64_t len, std::int64_t& out, const char* what) {
    if (!index_int64(vm, key, out)) {
        if (error_matches(vm, vm.exc.TypeError)) {
            clear_error(vm);
            raise_fmt(vm, vm.exc.TypeError, "{} indices must be integers or slices, not {}", what, type_name(key));
        }
        return false;
    }
    if (out < 0) out += len;
    if (out < 0 || out >= len) {
        raise_fmt(vm, vm.exc.IndexError, "{} index out of range", what);
        return false;
    }
    return true;
}

struct SeqIter : Object {
    SeqIter(Type* t, Value s) : Object(t), seq(std::move(s)) {}
    Value seq;
    std::size_t index = 0;
};

// ---------------------------------------------------------------------------------------------
// tuple
// ---------------------------------------------------------------------------------------------

static Value tuple_repr(VM& vm, const Value& self) {
    std::string out;
    if (!seq_repr(vm, self.as<Tuple>()->items, "(", ")", true, out, Value())) return {};
    return new_str(vm, std::move(out));
}

static bool tuple_hash(VM& vm, const Value& self, std::int64_t& out) {
    // CPython's xxHash-based tuple hash, so hash((1, 2)) matches.
    const std::uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
    auto& items = self.as<Tuple>()->items;
    std::uint64_t acc = p5;
    for (auto& item : items) {
        std::int64_t h;
        if (!hash(vm, item, h)) return false;
        acc += static_cast<std::uint64_t>(h) * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += items.size() ^ (p5 ^ 3527539UL);
    if (acc == static_cast<std::uint64_t>(-1)) acc = 1546275796;
    out = static_cast<std::int64_t>(acc);
    return true;
}

static Value tuple_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_tuple(b)) return vm.not_implemented;
    return seq_compare(vm, a.as<Tuple>()->items, b.as<Tuple>()->items, op);
}

static bool tuple_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<Tuple>()->items.size());
    return true;
}

static Value tuple_getitem(VM& vm, const Value& self, const Value& key) {
    auto& items = self.as<Tuple>()->items;
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, static_cast<std::int64_t>(items.size()), start, stop, step, n)) return {};
        std::vector<Value> out;
        out.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0, j = start; i < n; ++i, j += step) out.push_back(items[static_cast<std::size_t>(j)]);
        return new_tuple(vm, std::move(out));
    }
    std::int64_t i;
    if (!seq_index(vm, key, static_cast<std::int64_t>(items.size()), i, "tuple")) return {};
    return items[static_cast<std::size_t>(i)];
}

static int tuple_contains(VM& vm, const Value& self, const Value& item) {
    std::vector<Value> items = self.as<Tuple>()->items.to_vector();
    for (auto& x : items) {
        int r = eq(vm, x, item);
        if (r) return r;
    }
    return 0;
}

static Value tuple_iter(VM& vm, const Value& self) { return Value::steal(new SeqIter(vm.types.tuple_iterator, self)); }

static Value tuple_iter_next(VM&, const Value& self) {
    auto* it = self.as<SeqIter>();
    if (it->seq.is_null()) return {};
    auto& items = it->seq.as<Tuple>()->items;
    if (it->index >= items.size()) {
        it->seq = Value();
        return {};
    }
    return items[it->index++];
}

static Value seq_concat_repeat(VM& vm, BinOp op, const Value& a, const Value& b, bool is_list_type) {
    BinOp bop = base_op(op);
    auto same = [&](const Value& v) { return is_list_type ? is_list(v) : is_tuple(v); };
    auto items_of = [&](const Value& v) -> std::span<const Value> {
        if (is_list_type) return v.as<List>()->items;
        return v.as<Tuple>()->items;
    };
    auto make = [&](std::vector<Value> items) { return is_list_type ? new_list(vm, std::move(items)) : new_tuple(vm, std::move(items)); };
    if (bop == BinOp::Add) {
        if (!same(a) || !same(b)) return vm.not_implemented;
        if (is_inplace(op) && is_list_type) {
            std::span<const Value> y = items_of(b);
            std::vector<Value> copy(y.begin(), y.end());
            auto& dst = a.as<List>()->items;
            dst.insert(dst.end(), copy.begin(), copy.end());
            return a;
        }
        std::span<const Value> x = items_of(a);
        std::vector<Value> out(x.begin(), x.end());
        std::span<const Value> y = items_of(b);
        out.insert(out.end(), y.begin(), y.end());
        return make(std::move(out));
    }
    if (bop == BinOp::Mul) {
        const Value& s = same(a) ? a : b;
        const Value& n = same(a) ? b : a;
        if (!same(s) || !is_int(n)) return vm.not_implemented;
        std::int64_t k;
        if (!index_int64(vm, n, k)) return {};
        std::span<const Value> src = items_of(s);
        if (k > 0 && !src.empty() && static_cast<std::uint64_t>(k) > (std::uint64_t{1} << 28) / src.size()) return no_memory(vm);
        std::vector<Value> out;
        if (k > 0) {
            out.reserve(src.size() * static_cast<std::size_t>(k));
            for (std::int64_t i = 0; i < k; ++i) out.insert(out.end(), src.begin(), src.end());
        }
        if (is_inplace(op) && is_list_type && same(a)) {
            a.as<List>()->items = std::move(out);
            return a;
        }
        return make(std::move(out));
    }
    return vm.not_implemented;
}

static Value tuple_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    if (is_inplace(op)) return vm.not_implemented;
    return seq_concat_repeat(vm, op, a, b, false);
}

static Value tuple_new(VM& vm, Type* cls, Args a) {
    if (a.has_kwargs()) return raise(vm, vm.exc.TypeError, "tuple() takes no keyword arguments");
    if (a.size() > 1) return raise_fmt(vm, vm.exc.TypeError, "tuple expected at most 1 argument, got {}", a.size());
    std::vector<Value> items;
    if (a.size() == 1) {
        if (is_type(a[0], vm.types.tuple) && cls == vm.types.tuple) return a[0];
        if (!collect(vm, a[0], items)) return {};
    }
    if (cls == vm.types.tuple) return new_tuple(vm, std::move(items));
    return Value::steal(Tuple::make(cls, items.size(), std::make_move_iterator(items.begin())));
}

static Value count_impl(VM& vm, std::span<const Value> items0, const Value& x) {
    std::vector<Value> items(items0.begin(), items0.end());
    std::int64_t n = 0;
    for (auto& v : items) {
        int r = eq(vm, v, x);
        if (r < 0) return {};
        n += r;
    }
    return Value::integer(n);
}

static Value index_impl(VM& vm, std::span<const Value> items0, Args a, const char* what) {
    std::vector<Value> items(items0.begin(), items0.end());
    std::int64_t start = 0, stop = static_cast<std::int64_t>(items.size());
    if (a.size() > 2 && !index_int64(vm, a[2], start)) return {};
    if (a.size() > 3 && !index_int64(vm, a[3], stop)) return {};
    std::int64_t len = static_cast<std::int64_t>(items.size());
    if (start < 0) start = std::max<std::int64_t>(0, start + len);
    if (stop < 0) stop = std::max<std::int64_t>(0, stop + len);
    for (std::int64_t i = start; i < std::min(stop, len); ++i) {
        int r = eq(vm, items[static_cast<std::size_t>(i)], a[1]);
        if (r < 0) return {};
        if (r) return Value::integer(i);
    }
    if (std::string_view(what) == "list") {
        std::string rep;
        if (!repr_into(vm, a[1], rep)) return {};
        return raise_fmt(vm, vm.exc.ValueError, "{} is not in list", rep);
    }
    return raise(vm, vm.exc.ValueError, "tuple.index(x): x not in tuple");
}

// ---------------------------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------------------------

static Value list_repr(VM& vm, const Value& self) {
    if (vm.thread.native_depth > vm.recursion_limit)
        return raise(vm, vm.exc.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    std::string out;
    if (!seq_repr(vm, self.as<List>()->items, "[", "]", false, out, self)) return {};
    return new_str(vm, std::move(out));
}

static Value list_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_list(b)) return vm.not_implemented;
    std::vector<Value> x = a.as<List>()->items, y = b.as<List>()->items;
    return seq_compare(vm, x, y, op);
}

static bool list_len(VM&, const Value& self, std::int64_t& out) {
    out = static_cast<std::int64_t>(self.as<List>()->items.size());
    return true;
}

static Value list_getitem(VM& vm, const Value& self, const Value& key) {
    auto& items = self.as<List>()->items;
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, static_cast<std::int64_t>(items.size()), start, stop, step, n)) return {};
        std::vector<Value> out;
        out.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0, j = start; i < n; ++i, j += step) out.push_back(items[static_cast<std::size_t>(j)]);
        return new_list(vm, std::move(out));
    }
    std::int64_t i;
    if (!seq_index(vm, key, static_cast<std::int64_t>(items.size()), i, "list")) return {};
    return items[static_cast<std::size_t>(i)];
}

static bool list_setitem(VM& vm, const Value& self, const Value& key, const Value& value) {
    auto& items = self.as<List>()->items;
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, static_cast<std::int64_t>(items.size()), start, stop, step, n)) return false;
        std::vector<Value> src;
        if (!collect(vm, value, src)) {
            if (error_matches(vm, vm.exc.TypeError)) {
                clear_error(vm);
                raise(vm, vm.exc.TypeError, "can only assign an iterable");
            }
            return false;
        }
        if (step == 1) {
            if (stop < start) stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, src.begin(), src.end());
            return true;
        }
        if (static_cast<std::int64_t>(src.size()) != n) {
            raise_fmt(vm, vm.exc.ValueError, "attempt to assign sequence of size {} to extended slice of size {}", src.size(), n);
            return false;
        }
        for (std::int64_t i = 0, j = start; i < n; ++i, j += step) items[static_cast<std::size_t>(j)] = src[static_cast<std::size_t>(i)];
        return true;
    }
    std::int64_t i;
    if (!index_int64(vm, key, i)) {
        if (error_matches(vm, vm.exc.TypeError)) {
            clear_error(vm);
            raise_fmt(vm, vm.exc.TypeError, "list indices must be integers or slices, not {}", type_name(key));
        }
        return false;
    }
    std::int64_t len = static_cast<std::int64_t>(items.size());
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        raise(vm, vm.exc.IndexError, "list assignment index out of range");
        return false;
    }
    items[static_cast<std::size_t>(i)] = value;
    return true;
}

static bool list_delitem(VM& vm, const Value& self, const Value& key) {
    auto& items = self.as<List>()->items;
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, static_cast<std::int64_t>(items.size()), start, stop, step, n)) return false;
        if (n == 0) return true;
        std::vector<bool> kill(items.size(), false);
        for (std::int64_t i = 0, j = start; i < n; ++i, j += step) kill[static_cast<std::size_t>(j)] = true;
        std::vector<Value> keep;
        std::vector<Value> dropped;
        for (std::size_t i = 0; i < items.size(); ++i) (kill[i] ? dropped : keep).push_back(std::move(items[i]));
        items = std::move(keep);
        return true;
    }
    std::int64_t i;
    if (!index_int64(vm, key, i)) return false;
    std::int64_t len = static_cast<std::int64_t>(items.size());
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        raise(vm, vm.exc.IndexError, "list assignment index out of range");
        return false;
    }
    Value old = std::move(items[static_cast<std::size_t>(i)]);
    items.erase(items.begin() + i);
    return true;
}

static int list_contains(VM& vm, const Value& self, const Value& item) {
    auto& items = self.as<List>()->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Value x = items[i];
        int r = eq(vm, x, item);
        if (r) return r;
    }
    return 0;
}

static Value list_iter(VM& vm, const Value& self) { return Value::steal(new SeqIter(vm.types.list_iterator, self)); }

static Value list_iter_next(VM&, const Value& self) {
    auto* it = self.as<SeqIter>();
    if (it->seq.is_null()) return {};
    auto& items = it->seq.as<List>()->items;
    if (it->index >= items.size()) {
        it->seq = Value();
        return {};
    }
    return items[it->index++];
}

static Value list_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    if (is_inplace(op) && base_op(op) == BinOp::Add && is_list(a)) {
        std::vector<Value> src;
        if (!collect(vm, b, src)) return {};
        auto& dst = a.as<List>()->items;
        dst.insert(dst.end(), src.begin(), src.end());
        return a;
    }
    if (is_inplace(op) && base_op(op) != BinOp::Mul) return vm.not_implemented;
    return seq_concat_repeat(vm, op, a, b, true);
}

static Value list_new(VM& vm, Type* cls, Args) {
    if (cls == vm.types.list) return new_list(vm);
    return Value::steal(new List(cls, {}));
}

static bool list_init(VM& vm, const Value& self, Args a) {
    if (a.has_kwargs()) {
        raise(vm, vm.exc.TypeError, "list() takes no keyword arguments");
        return false;
    }
    if (a.size() > 1) {
        raise_fmt(vm, vm.exc.TypeError, "list expected at most 1 argument, got {}", a.size());
        return false;
    }
    auto& items = self.as<List>()->items;
    items.clear();
    if (a.size() == 1) {
        std::vector<Value> src;
        if (!collect(vm, a[0], src)) return false;
        items = std::move(src);
    }
    return true;
}

static Value m_append(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "list.append() takes exactly one argument ({} given)", a.size() - 1);
    a[0].as<List>()->items.push_back(a[1]);
    return Value::none();
}

static Value m_extend(VM& vm, Args a) {
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "list.extend() takes exactly one argument ({} given)", a.size() - 1);
    std::vector<Value> src;
    if (!collect(vm, a[1], src)) return {};
    auto& dst = a[0].as<List>()->items;
    dst.insert(dst.end(), src.begin(), src.end());
    return Value::none();
}

static Value m_pop(VM& vm, Args a) {
    auto& items = a[0].as<List>()->items;
    std::int64_t i = -1;
    if (a.size() > 1 && !index_int64(vm, a[1], i)) return {};
    if (items.empty()) return raise(vm, vm.exc.IndexError, "pop from empty list");
    std::int64_t len = static_cast<std::int64_t>(items.size());
    if (i < 0) i += len;
    if (i < 0 || i >= len) return raise(vm, vm.exc.IndexError, "pop index out of range");
    Value v = std::move(items[static_cast<std::size_t>(i)]);
    items.erase(items.begin() + i);
    return v;
}

static Value m_insert(VM& vm, Args a) {
    if (a.size() != 3) return raise_fmt(vm, vm.exc.TypeError, "insert expected 2 arguments, got {}", a.size() - 1);
    auto& items = a[0].as<List>()->items;
    std::int64_t i;
    if (!index_int64(vm, a[1], i)) return {};
    std::int64_t len = static_cast<std::int64_t>(items.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + len);
    if (i > len) i = len;
    items.insert(items.begin() + i, a[2]);
    return Value::none();
}

static Value m_remove(VM& vm, Args a) {
    auto& items = a[0].as<List>()->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Value x = items[i];
        int r = eq(vm, x, a[1]);
        if (r < 0) return {};
        if (r) {
            Value old = std::move(items[i]);
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
            return Value::none();
        }
    }
    return raise(vm, vm.exc.ValueError, "list.remove(x): x not in list");
}

static Value m_index(VM& vm, Args a) { return index_impl(vm, a[0].as<List>()->items, a, "list"); }
static Value m_count(VM& vm, Args a) { return count_impl(vm, a[0].as<List>()->items, a[1]); }
static Value m_tindex(VM& vm, Args a) { return index_impl(vm, a[0].as<Tuple>()->items, a, "tuple"); }
static Value m_tcount(VM& vm, Args a) { return count_impl(vm, a[0].as<Tuple>()->items, a[1]); }

static Value m_reverse(VM&, Args a) {
    auto& items = a[0].as<List>()->items;
    std::reverse(items.begin(), items.end());
    return Value::none();
}

static Value m_copy(VM& vm, Args a) { return new_list(vm, a[0].as<List>()->items); }
static Value m_clear(VM&, Args a) {
    std::vector<Value> old = std::move(a[0].as<List>()->items);
    a[0].as<List>()->items.clear();
    return Value::none();
}

// Stable sort with Python's `<`; errors stop further comparisons.
bool sort_values(VM& vm, std::vector<Value>& items, const Value& key, bool reverse) {
    std::vector<Value> keys;
    if (key && !key.is_none()) {
        keys.reserve(items.size());
        for (auto& x : items) {
            Value k = call(vm, key, {x});
            if (!k) return false;
            keys.push_back(std::move(k));
        }
    } else {
        keys = items;
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    bool failed = false;
    auto less = [&](std::size_t x, std::size_t y) {
        if (failed) return false;
        const Value& a = keys[x];
        const Value& b = keys[y];
        if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
        int r = compare_bool(vm, a, b, CompareOp::Lt);
        if (r < 0) {
            failed = true;
            return false;
        }
        return r == 1;
    };
    // Python's reverse sort: reverse, stable sort, reverse (equal items keep their order).
    if (reverse) std::reverse(order.begin(), order.end());
    std::stable_sort(order.begin(), order.end(), less);
    if (reverse) std::reverse(order.begin(), order.end());
    if (failed) return false;
    std::vector<Value> out;
    out.reserve(items.size());
    for (std::size_t i : order) out.push_back(items[i]);
    items = std::move(out);
    return true;
}

static Value m_sort(VM& vm, Args a) {
    if (a.size() > 1) return raise(vm, vm.exc.TypeError, "sort() takes no positional arguments");
    Value key = a.kw("key");
    Value rev = a.kw("reverse");
    bool reverse = false;
    if (rev) {
        int t = truthy(vm, rev);
        if (t < 0) return {};
        reverse = t;
    }
    auto& items = a[0].as<List>()->items;
    std::vector<Value> work = std::move(items);
    items.clear();
    bool ok = sort_values(vm, work, key, reverse);
    bool modified = !items.empty();
    items = std::move(work);
    if (!ok) return {};
    if (modified) return raise(vm, vm.exc.ValueError, "list modified during sort");
    return Value::none();
}

// ---------------------------------------------------------------------------------------------
// range
// ---------------------------------------------------------------------------------------------

std::int64_t Range::length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

struct RangeIter : Object {
    RangeIter(Type* t, std::int64_t c, std::int64_t s, std::int64_t n) : Object(t), cur(c), step(s), remaining(n) {}
    std::int64_t cur, step, remaining;
};

static Value range_new(VM& vm, Type*, Args a) {
    if (a.has_kwargs()) return raise(vm, vm.exc.TypeError, "range() takes no keyword arguments");
    std::int64_t v[3] = {0, 0, 1};
    if (a.size() == 0) return raise(vm, vm.exc.TypeError, "range expected at least 1 argument, got 0");
    if (a.size() > 3) return raise_fmt(vm, vm.exc.TypeError, "range expected at most 3 arguments, got {}", a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!is_int(a[i]) && !type_of(a[i])->lookup(vm.intern("__index__")))
            return raise_fmt(vm, vm.exc.TypeError, "'{}' object cannot be interpreted as an integer", type_name(a[i]));
        if (!index_int64(vm, a[i], v[a.size() == 1 ? 1 : i])) return {};
    }
    if (v[2] == 0) return raise(vm, vm.exc.ValueError, "range() arg 3 must not be zero");
    return Value::steal(new Range(vm.types.range, v[0], v[1], v[2]));
}

static Value range_repr(VM& vm, const Value& self) {
    auto* r = self.as<Range>();
    if (r->step == 1) return new_str(vm, fmt::format("range({}, {})", r->start, r->stop));
    return new_str(vm, fmt::format("range({}, {}, {})", r->start, r->stop, r->step));
}

static bool range_len(VM&, const Value& self, std::int64_t& out) {
    out = self.as<Range>()->length();
    return true;
}

static Value range_iter(VM& vm, const Value& self) {
    auto* r = self.as<Range>();
    return Value::steal(new RangeIter(vm.types.range_iterator, r->start, r->step, r->length()));
}

static Value range_iter_next(VM&, const Value& self) {
    auto* it = self.as<RangeIter>();
    if (it->remaining <= 0) return {};
    --it->remaining;
    std::int64_t v = it->cur;
    it->cur += it->step;
    return Value::integer(v);
}

static Value range_getitem(VM& vm, const Value& self, const Value& key) {
    auto* r = self.as<Range>();
    std::int64_t len = r->length();
    if (is_type(key, vm.types.slice)) {
        std::int64_t start, stop, step, n;
        if (!slice_indices(vm, key, len, start, stop, step, n)) return {};
        std::int64_t s = r->start + start * r->step;
        std::int64_t st = r->step * step;
        return Value::steal(new Range(vm.types.range, s, s + n * st, st));
    }
    std::int64_t i;
    if (!seq_index(vm, key, len, i, "range object")) return {};
    return Value::integer(r->start + i * r->step);
}

static int range_contains(VM& vm, const Value& self, const Value& item) {
    auto* r = self.as<Range>();
    std::int64_t x;
    if (!to_int64(item, x)) {
        if (item.is_float()) {
            double d = item.as_float();
            if (d != static_cast<double>(static_cast<std::int64_t>(d))) return 0;
            x = static_cast<std::int64_t>(d);
        } else {
            (void)vm;
            return 0;
        }
    }
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
    return (x - r->start) % r->step == 0;
}

static Value range_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_type(b, vm.types.range) || (op != CompareOp::Eq && op != CompareOp::Ne)) return vm.not_implemented;
    auto* x = a.as<Range>();
    auto* y = b.as<Range>();
    std::int64_t lx = x->length(), ly = y->length();
    bool same = lx == ly && (lx == 0 || (x->start == y->start && (lx == 1 || x->step == y->step)));
    return Value::boolean(op == CompareOp::Eq ? same : !same);
}

static Value range_attr(VM& vm, const Value& self, Str* name) {
    auto* r = self.as<Range>();
    if (name->text == "start") return Value::integer(r->start);
    if (name->text == "stop") return Value::integer(r->stop);
    if (name->text == "step") return Value::integer(r->step);
    return generic_getattr(vm, self, name, true);
}

static Value slice_attr(VM& vm, const Value& self, Str* name) {
    auto* s = self.as<Slice>();
    if (name->text == "start") return s->start;
    if (name->text == "stop") return s->stop;
    if (name->text == "step") return s->step;
    return generic_getattr(vm, self, name, true);
}

void init_sequence_types(VM& vm) {
    Type* t = vm.types.tuple;
    t->alloc = nullptr;
    t->slots.repr = tuple_repr;
    t->slots.hash = tuple_hash;
    t->slots.richcompare = tuple_richcompare;
    t->slots.len = tuple_len;
    t->slots.getitem = tuple_getitem;
    t->slots.contains = tuple_contains;
    t->slots.iter = tuple_iter;
    t->slots.binop = tuple_binop;
    t->slots.new_ = tuple_new;
    t->slots.init = nullptr;
    def_method(vm, t, "index", m_tindex);
    def_method(vm, t, "count", m_tcount);

    Type* l = vm.types.list;
    l->alloc = nullptr;
    l->slots.repr = list_repr;
    l->slots.hash = nullptr;
    l->slots.richcompare = list_richcompare;
    l->slots.len = list_len;
    l->slots.getitem = list_getitem;
    l->slots.setitem = list_setitem;
    l->slots.delitem = list_delitem;
    l->slots.contains = list_contains;
    l->slots.iter = list_iter;
    l->slots.binop = list_binop;
    l->slots.new_ = list_new;
    l->slots.init = list_init;
    l->dict.as<Dict>()->set(vm, "__hash__", Value::none());
    def_method(vm, l, "append", m_append);
    def_method(vm, l, "extend", m_extend);
    def_method(vm, l, "pop", m_pop);
    def_method(vm, l, "insert", m_insert);
    def_method(vm, l, "remove", m_remove);
    def_method(vm, l, "index", m_index);
    def_method(vm, l, "count", m_count);
    def_method(vm, l, "reverse", m_reverse);
    def_method(vm, l, "copy", m_copy);
    def_method(vm, l, "clear", m_clear);
    def_method(vm, l, "sort", m_sort);

    for (Type* it : {vm.types.tuple_iterator, vm.types.list_iterator, vm.types.range_iterator}) {
        it->slots.iter = [](VM&, const Value& s) { return s; };
        it->slots.new_ = nullptr;
    }
    vm.types.tuple_iterator->slots.next = tuple_iter_next;
    vm.types.list_iterator->slots.next = list_iter_next;
    vm.types.range_iterator->slots.next = range_iter_next;

    Type* r = vm.types.range;
    r->slots.repr = range_repr;
    r->slots.len = range_len;
    r->slots.iter = range_iter;
    r->slots.getitem = range_getitem;
    r->slots.contains = range_contains;
    r->slots.richcompare = range_richcompare;
    r->slots.new_ = range_new;
    r->slots.init = nullptr;
    r->slots.getattr = range_attr;
    r->slots.hash = nullptr;

    Type* s = vm.types.slice;
    s->slots.repr = slice_repr;
    s->slots.new_ = slice_new;
    s->slots.init = nullptr;
    s->slots.getattr = slice_attr;
    s->slots.hash = nullptr;
}

}  // namespace ll::vm
