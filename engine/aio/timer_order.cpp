// `_looplab.native_timer_order(TimerHandle)`: gives the prelude's TimerHandle a native `__lt__`.
// heapq orders the loop's timers with `<` alone, so every push and pop of a timer compares
// handles; a Python `__lt__` there costs a nested interpreter run per comparison.
#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

// TimerHandle.__lt__(self, other): self._when < other._when for two timer handles, else
// NotImplemented (the Python definition it replaces, kept in events.py for reading).
Value timer_lt(VM& vm, Args a) {
    if (a.size() != 2 || a.has_kwargs()) return raise_fmt(vm, vm.exc.TypeError, "expected 1 argument, got {}", a.size() ? a.size() - 1 : 0);
    // Like the Python method, only `other` is checked: a wrong self fails reading `_when`.
    Type* cls = aio_state(vm).timer_handle_type;
    if (!cls || !type_of(a[1])->is_subtype(cls)) return vm.not_implemented;
    // Both the prelude's timer handles (the heap holds nothing else): their `_when` slots.
    const HandleSlots& hs = aio_state(vm).handle_slots;
    if (hs.timer_type == cls && a[0].is_obj() && a[0].obj()->type == cls && a[1].obj()->type == cls) {
        const Value& x = static_cast<Instance*>(a[0].obj())->slot_values()[hs.when];
        const Value& y = static_cast<Instance*>(a[1].obj())->slot_values()[hs.when];
        if (x.is_float() && y.is_float()) return Value::boolean(x.as_float() < y.as_float());
    }
    Str* when = vm.intern("_when");
    Value x = get_attr(vm, a[0], when);
    if (!x) return {};
    Value y = get_attr(vm, a[1], when);
    if (!y) return {};
    if (x.is_float() && y.is_float()) return Value::boolean(x.as_float() < y.as_float());
    return compare(vm, x, y, CompareOp::Lt);
}

Value m_native_timer_order(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "native_timer_order") || !lib::check_range(vm, a.size(), "native_timer_order", 1, 1)) return {};
    if (!is_type_object(a[0])) return raise(vm, vm.exc.TypeError, "native_timer_order() expects a class");
    Type* cls = a[0].as<Type>();
    incref(cls);  // kept alive until the VM ends: the state holds a plain pointer (see handles.cpp)
    aio_state(vm).timer_handle_type = cls;
    def_method(vm, cls, "__lt__", timer_lt);
    return Value::none();
}

}  // namespace

void init_timer_order(VM& vm, Module* m) { def_function(vm, m, "native_timer_order", m_native_timer_order); }

}  // namespace ll::aio
