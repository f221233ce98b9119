// The prelude's TimerHandle gets a native `__lt__` (from `_looplab.native_handles`, handles.cpp).
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
    const HandleSlots& hs = aio_state(vm).handle_slots;
    Type* cls = hs.timer_type;
    if (!cls || !type_of(a[1])->is_subtype(cls)) return vm.not_implemented;
    // Both exactly the prelude's timer handles (the heap holds nothing else): their `_when` slots.
    if (a[0].is_obj() && a[0].obj()->type == cls && a[1].obj()->type == cls) {
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

}  // namespace

void give_native_timer_order(VM& vm, Type* timer_handle) { def_method(vm, timer_handle, "__lt__", timer_lt); }

}  // namespace ll::aio
