// Methods of dict with CPython's argument checking (get, pop, setdefault, popitem, clear, copy),
// and the set behaviour of the keys/items views (&, |, -, ^, comparisons, isdisjoint); the views
// themselves, update and fromkeys are the core's (engine/vm/dict.cpp).
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

Dict* self_dict(const Args& a) { return a[0].as<Dict>(); }

Value dict_get(VM& vm, Args a) {
    if (a.size() < 2 || a.size() > 3 || a.has_kwargs()) {
        if (!method_range(vm, a, "get", 1, 2)) return {};
    }
    Value v = self_dict(a)->get(vm, a[1]);
    if (v || has_error(vm)) return v;
    return a.size() == 3 ? a[2] : Value::none();
}

Value dict_pop(VM& vm, Args a) {
    if (!method_range(vm, a, "pop", 1, 2)) return {};
    Value v = self_dict(a)->pop(vm, a[1]);
    if (v || has_error(vm)) return v;
    if (a.size() == 3) return a[2];
    return raise_with_args(vm, vm.exc.KeyError, {a[1]});
}

Value dict_setdefault(VM& vm, Args a) {
    if (!method_range(vm, a, "setdefault", 1, 2)) return {};
    Dict* d = self_dict(a);
    Value v = d->get(vm, a[1]);
    if (v || has_error(vm)) return v;
    Value dflt = a.size() == 3 ? a[2] : Value::none();
    if (!d->set(vm, a[1], dflt)) return {};
    return dflt;
}

Value dict_popitem(VM& vm, Args a) {
    if (!method_none(vm, a, "dict.popitem")) return {};
    Dict* d = self_dict(a);
    if (d->size() == 0) return raise(vm, vm.exc.KeyError, "popitem(): dictionary is empty");
    const auto& entries = d->entries();
    for (std::size_t i = entries.size(); i-- > 0;) {
        if (entries[i].key.is_null()) continue;
        Value k = entries[i].key, v = entries[i].value;
        if (d->del(vm, k) < 0) return {};
        return new_tuple(vm, {std::move(k), std::move(v)});
    }
    return raise(vm, vm.exc.KeyError, "popitem(): dictionary is empty");
}

Value dict_clear(VM& vm, Args a) {
    if (!method_none(vm, a, "dict.clear")) return {};
    self_dict(a)->clear();
    return Value::none();
}

Value dict_copy(VM& vm, Args a) {
    if (!method_none(vm, a, "dict.copy")) return {};
    Value r = new_dict(vm);
    Dict* d = r.as<Dict>();
    for (const auto& e : self_dict(a)->entries())
        if (e.key && !d->set(vm, e.key, e.value)) return {};
    return r;
}

// --- keys/items views behave like sets ---------------------------------------------------------

bool is_set_view(VM& vm, const Value& v) {
    return is_type(v, vm.types.dict_keys) || is_type(v, vm.types.dict_items);
}

bool is_anyset(VM& vm, const Value& v) { return isinstance(v, vm.types.set) || isinstance(v, vm.types.frozenset); }

// A new set holding the items of an iterable (a view, a set, a list...).
Value set_from(VM& vm, const Value& iterable) {
    Value s = new_set(vm);
    std::vector<Value> items;
    if (is_anyset(vm, iterable)) {
        for (const auto& slot : iterable.as<Set>()->slots())
            if (slot.key && !slot.dummy) items.push_back(slot.key);
    } else if (!collect(vm, iterable, items)) {
        return {};
    }
    for (auto& x : items)
        if (!s.as<Set>()->add(vm, x)) return {};
    return s;
}

std::vector<Value> keys_of(const Value& set) {
    std::vector<Value> out;
    for (const auto& slot : set.as<Set>()->slots())
        if (slot.key && !slot.dummy) out.push_back(slot.key);
    return out;
}

Value view_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    BinOp bop = base_op(op);
    if (bop != BinOp::And && bop != BinOp::Or && bop != BinOp::Sub && bop != BinOp::Xor) return vm.not_implemented;
    // Either side may be the view; the other is converted to a set ("'int' object is not iterable").
    Value x = set_from(vm, a);
    if (!x) return {};
    Value y = set_from(vm, b);
    if (!y) return {};
    Value r = new_set(vm);
    Set* rs = r.as<Set>();
    auto keep = [&](const Value& from, const Value& other, bool want_in) -> bool {
        for (auto& k : keys_of(from)) {
            int in = other.as<Set>()->contains(vm, k);
            if (in < 0) return false;
            if ((in == 1) == want_in && !rs->add(vm, k)) return false;
        }
        return true;
    };
    bool ok = true;
    switch (bop) {
        case BinOp::And: ok = keep(x, y, true); break;
        case BinOp::Sub: ok = keep(x, y, false); break;
        case BinOp::Or:
            for (auto& k : keys_of(x)) ok = ok && rs->add(vm, k);
            for (auto& k : keys_of(y)) ok = ok && rs->add(vm, k);
            break;
        default: ok = keep(x, y, false) && keep(y, x, false); break;
    }
    if (!ok) return {};
    return r;
}

Value view_richcompare(VM& vm, const Value& a, const Value& b, CompareOp op) {
    if (!is_set_view(vm, b) && !is_anyset(vm, b)) return vm.not_implemented;
    Value x = set_from(vm, a);
    if (!x) return {};
    Value y = set_from(vm, b);
    if (!y) return {};
    return compare(vm, x, y, op);
}

Value view_isdisjoint(VM& vm, Args a) {
    if (!method_one(vm, a, fmt::format("{}.isdisjoint", type_name(a[0])))) return {};
    Value other = set_from(vm, a[1]);
    if (!other) return {};
    Value mine = set_from(vm, a[0]);
    if (!mine) return {};
    for (auto& k : keys_of(mine)) {
        int in = other.as<Set>()->contains(vm, k);
        if (in < 0) return {};
        if (in) return Value::boolean(false);
    }
    return Value::boolean(true);
}

}  // namespace

void init_dict_methods(VM& vm) {
    Type* t = vm.types.dict;
    def_method(vm, t, "get", dict_get);
    def_method(vm, t, "pop", dict_pop);
    def_method(vm, t, "setdefault", dict_setdefault);
    def_method(vm, t, "popitem", dict_popitem);
    def_method(vm, t, "clear", dict_clear);
    def_method(vm, t, "copy", dict_copy);
    for (Type* v : {vm.types.dict_keys, vm.types.dict_items}) {
        v->slots.binop = view_binop;
        v->slots.richcompare = view_richcompare;
        def_method(vm, v, "isdisjoint", view_isdisjoint);
    }
}

}  // namespace ll::vm::lib
