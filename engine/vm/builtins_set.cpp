// Methods of set and frozenset with CPython's argument checking: add, discard, remove, pop,
// clear, copy, the set algebra methods (any iterables, several at once) and their _update forms.
#include "engine/vm/builtins_util.hpp"

namespace ll::vm::lib {

namespace {

Set* self_set(const Args& a) { return a[0].as<Set>(); }

bool is_anyset(VM& vm, const Value& v) { return isinstance(v, vm.types.set) || isinstance(v, vm.types.frozenset); }

// A new empty set of self's kind: frozenset for frozensets (subclasses included), else set.
Value empty_like(VM& vm, const Value& self) { return new_set(vm, isinstance(self, vm.types.frozenset)); }

template <class F>
void each(const Set* s, F f) {
    for (const auto& slot : s->slots())
        if (slot.key && !slot.dummy) f(slot.key);
}

bool add_all(VM& vm, Set* dst, const Value& iterable) {
    if (is_anyset(vm, iterable)) {
        std::vector<Value> keys;
        each(iterable.as<Set>(), [&](const Value& k) { keys.push_back(k); });
        for (auto& k : keys)
            if (!dst->add(vm, k)) return false;
        return true;
    }
    Value it = get_iter(vm, iterable);
    if (!it) return false;
    for (;;) {
        Value x = iter_next(vm, it);
        if (!x) return !has_error(vm);
        if (!dst->add(vm, x)) return false;
    }
}

// `other` as a set (itself when it is one already).
Value as_set(VM& vm, const Value& other) {
    if (is_anyset(vm, other)) return other;
    Value s = new_set(vm);
    if (!add_all(vm, s.as<Set>(), other)) return {};
    return s;
}

Value copy_of(VM& vm, const Value& self) {
    Value r = empty_like(vm, self);
    if (!add_all(vm, r.as<Set>(), self)) return {};
    return r;
}

// Keeps in `acc` only the keys that are (keep=true) or are not (keep=false) in `other`.
Value filtered(VM& vm, const Value& acc, const Value& other, bool keep, bool frozen) {
    Value o = as_set(vm, other);
    if (!o) return {};
    std::vector<Value> keys;
    each(acc.as<Set>(), [&](const Value& k) { keys.push_back(k); });
    Value r = new_set(vm, frozen);
    for (auto& k : keys) {
        int in = o.as<Set>()->contains(vm, k);
        if (in < 0) return {};
        if ((in == 1) == keep && !r.as<Set>()->add(vm, k)) return {};
    }
    return r;
}

Value symmetric(VM& vm, const Value& self, const Value& other, bool frozen) {
    Value o = as_set(vm, other);
    if (!o) return {};
    Value r = new_set(vm, frozen);
    std::vector<Value> mine, theirs;
    each(self.as<Set>(), [&](const Value& k) { mine.push_back(k); });
    each(o.as<Set>(), [&](const Value& k) { theirs.push_back(k); });
    for (auto& k : mine) {
        int in = o.as<Set>()->contains(vm, k);
        if (in < 0) return {};
        if (!in && !r.as<Set>()->add(vm, k)) return {};
    }
    for (auto& k : theirs) {
        int in = self.as<Set>()->contains(vm, k);
        if (in < 0) return {};
        if (!in && !r.as<Set>()->add(vm, k)) return {};
    }
    return r;
}

Value s_add(VM& vm, Args a) {
    if (!method_one(vm, a, "set.add")) return {};
    if (!self_set(a)->add(vm, a[1])) return {};
    return Value::none();
}

Value s_discard(VM& vm, Args a) {
    if (!method_one(vm, a, "set.discard")) return {};
    if (self_set(a)->discard(vm, a[1]) < 0) return {};
    return Value::none();
}

Value s_remove(VM& vm, Args a) {
    if (!method_one(vm, a, "set.remove")) return {};
    int r = self_set(a)->discard(vm, a[1]);
    if (r < 0) return {};
    if (r == 0) return raise_with_args(vm, vm.exc.KeyError, {a[1]});
    return Value::none();
}

Value s_pop(VM& vm, Args a) {
    if (!method_none(vm, a, "set.pop")) return {};
    Set* s = self_set(a);
    Value k;
    each(s, [&](const Value& key) {
        if (!k) k = key;
    });
    if (!k) return raise(vm, vm.exc.KeyError, "pop from an empty set");
    s->discard(vm, k);
    return k;
}

Value s_clear(VM& vm, Args a) {
    if (!method_none(vm, a, "set.clear")) return {};
    self_set(a)->clear();
    return Value::none();
}

Value s_copy(VM& vm, Args a) {
    if (!method_none(vm, a, isinstance(a[0], vm.types.frozenset) ? "frozenset.copy" : "set.copy")) return {};
    if (is_type(a[0], vm.types.frozenset)) return a[0];
    return copy_of(vm, a[0]);
}

Value s_union(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "union")) return {};
    Value r = copy_of(vm, a[0]);
    if (!r) return {};
    for (std::size_t i = 1; i < a.size(); ++i)
        if (!add_all(vm, r.as<Set>(), a[i])) return {};
    return r;
}

Value multi_filter(VM& vm, Args a, const char* name, bool keep) {
    if (!no_kwargs(vm, a, name)) return {};
    bool frozen = isinstance(a[0], vm.types.frozenset);
    Value acc = copy_of(vm, a[0]);
    if (!acc) return {};
    for (std::size_t i = 1; i < a.size(); ++i) {
        acc = filtered(vm, acc, a[i], keep, frozen);
        if (!acc) return {};
    }
    return acc;
}
Value s_intersection(VM& vm, Args a) { return multi_filter(vm, a, "intersection", true); }
Value s_difference(VM& vm, Args a) { return multi_filter(vm, a, "difference", false); }

Value s_symmetric_difference(VM& vm, Args a) {
    if (!method_one(vm, a, isinstance(a[0], vm.types.frozenset) ? "frozenset.symmetric_difference" : "set.symmetric_difference"))
        return {};
    return symmetric(vm, a[0], a[1], isinstance(a[0], vm.types.frozenset));
}

Value s_issubset(VM& vm, Args a) {
    if (!method_one(vm, a, isinstance(a[0], vm.types.frozenset) ? "frozenset.issubset" : "set.issubset")) return {};
    Value o = as_set(vm, a[1]);
    if (!o) return {};
    bool all_in = true;
    std::vector<Value> keys;
    each(self_set(a), [&](const Value& k) { keys.push_back(k); });
    for (auto& k : keys) {
        int in = o.as<Set>()->contains(vm, k);
        if (in < 0) return {};
        if (!in) {
            all_in = false;
            break;
        }
    }
    return Value::boolean(all_in);
}

Value s_issuperset(VM& vm, Args a) {
    if (!method_one(vm, a, isinstance(a[0], vm.types.frozenset) ? "frozenset.issuperset" : "set.issuperset")) return {};
    Value o = as_set(vm, a[1]);
    if (!o) return {};
    std::vector<Value> keys;
    each(o.as<Set>(), [&](const Value& k) { keys.push_back(k); });
    for (auto& k : keys) {
        int in = self_set(a)->contains(vm, k);
        if (in < 0) return {};
        if (!in) return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value s_isdisjoint(VM& vm, Args a) {
    if (!method_one(vm, a, isinstance(a[0], vm.types.frozenset) ? "frozenset.isdisjoint" : "set.isdisjoint")) return {};
    Value o = as_set(vm, a[1]);
    if (!o) return {};
    std::vector<Value> keys;
    each(o.as<Set>(), [&](const Value& k) { keys.push_back(k); });
    for (auto& k : keys) {
        int in = self_set(a)->contains(vm, k);
        if (in < 0) return {};
        if (in) return Value::boolean(false);
    }
    return Value::boolean(true);
}

// Replaces self's contents with `r`'s.
void assign(VM& vm, Set* self, const Value& r) {
    std::vector<Value> keys;
    each(r.as<Set>(), [&](const Value& k) { keys.push_back(k); });
    self->clear();
    for (auto& k : keys) self->add(vm, k);
}

Value s_update(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "update")) return {};
    for (std::size_t i = 1; i < a.size(); ++i)
        if (!add_all(vm, self_set(a), a[i])) return {};
    return Value::none();
}

Value s_intersection_update(VM& vm, Args a) {
    Value r = multi_filter(vm, a, "intersection_update", true);
    if (!r) return {};
    assign(vm, self_set(a), r);
    return Value::none();
}

Value s_difference_update(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "difference_update")) return {};
    for (std::size_t i = 1; i < a.size(); ++i) {
        Value o = as_set(vm, a[i]);
        if (!o) return {};
        std::vector<Value> keys;
        each(o.as<Set>(), [&](const Value& k) { keys.push_back(k); });
        for (auto& k : keys)
            if (self_set(a)->discard(vm, k) < 0) return {};
    }
    return Value::none();
}

Value s_symmetric_difference_update(VM& vm, Args a) {
    if (!method_one(vm, a, "set.symmetric_difference_update")) return {};
    Value r = symmetric(vm, a[0], a[1], false);
    if (!r) return {};
    assign(vm, self_set(a), r);
    return Value::none();
}

}  // namespace

void init_set_methods(VM& vm) {
    for (Type* t : {vm.types.set, vm.types.frozenset}) {
        def_method(vm, t, "copy", s_copy);
        def_method(vm, t, "union", s_union);
        def_method(vm, t, "intersection", s_intersection);
        def_method(vm, t, "difference", s_difference);
        def_method(vm, t, "symmetric_difference", s_symmetric_difference);
        def_method(vm, t, "issubset", s_issubset);
        def_method(vm, t, "issuperset", s_issuperset);
        def_method(vm, t, "isdisjoint", s_isdisjoint);
    }
    Type* t = vm.types.set;
    def_method(vm, t, "add", s_add);
    def_method(vm, t, "discard", s_discard);
    def_method(vm, t, "remove", s_remove);
    def_method(vm, t, "pop", s_pop);
    def_method(vm, t, "clear", s_clear);
    def_method(vm, t, "update", s_update);
    def_method(vm, t, "intersection_update", s_intersection_update);
    def_method(vm, t, "difference_update", s_difference_update);
    def_method(vm, t, "symmetric_difference_update", s_symmetric_difference_update);
}

}  // namespace ll::vm::lib
