// Methods of dict with CPython's argument checking (get, pop, setdefault, popitem, clear, copy);
// the views, update and fromkeys are the core's (engine/vm/dict.cpp).
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

}  // namespace

void init_dict_methods(VM& vm) {
    Type* t = vm.types.dict;
    def_method(vm, t, "get", dict_get);
    def_method(vm, t, "pop", dict_pop);
    def_method(vm, t, "setdefault", dict_setdefault);
    def_method(vm, t, "popitem", dict_popitem);
    def_method(vm, t, "clear", dict_clear);
    def_method(vm, t, "copy", dict_copy);
}

}  // namespace ll::vm::lib
