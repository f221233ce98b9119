// `_looplab.native_handles(Handle, TimerHandle)`, then `_looplab.handle(callback, args, loop,
// context)` and `_looplab.timer_handle(when, callback, args, loop, context)`: the loop's handles
// made natively, holding what Handle.__init__ and TimerHandle.__init__ store. call_soon makes one
// handle per task switch, and a Python __init__ there costs a frame and some 25 bytecodes.
// events.py keeps the Python __init__s: debug mode (which records where a handle was made) and
// subclasses use them. The same call gives TimerHandle a native `__lt__` (timer_order.cpp).
#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

// A `cls` instance holding what Handle.__init__ sets, from a[first:first + 4] (null: raised).
Instance* new_handle(VM& vm, Type* cls, Args a, std::size_t first) {
    const HandleSlots& s = aio_state(vm).handle_slots;
    auto* h = static_cast<Instance*>(alloc_instance(vm, cls));
    Value* v = h->slot_values();
    v[s.callback] = a[first];
    v[s.args] = a[first + 1];
    v[s.loop] = a[first + 2];
    // A context is rare (the class attribute says None): only then an instance dict.
    if (!a[first + 3].is_none() && !set_attr(vm, Value::borrow(h), vm.intern("_context"), a[first + 3])) {
        decref(h);
        return nullptr;
    }
    return h;
}

bool registered(VM& vm, std::string_view name) {
    if (aio_state(vm).handle_slots.timer_type) return true;
    raise_fmt(vm, vm.exc.RuntimeError, "{}(): native_handles() was not called", name);
    return false;
}

Value m_handle(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "handle") || !lib::check_range(vm, a.size(), "handle", 4, 4) || !registered(vm, "handle")) return {};
    Instance* h = new_handle(vm, aio_state(vm).handle_slots.type, a, 0);
    return h ? Value::steal(h) : Value();
}

Value m_timer_handle(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "timer_handle") || !lib::check_range(vm, a.size(), "timer_handle", 5, 5) ||
        !registered(vm, "timer_handle"))
        return {};
    const HandleSlots& s = aio_state(vm).handle_slots;
    Instance* h = new_handle(vm, s.timer_type, a, 1);
    if (!h) return {};
    h->slot_values()[s.when] = a[0];
    h->slot_values()[s.scheduled] = Value::boolean(false);
    return Value::steal(h);
}

Value m_native_handles(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "native_handles") || !lib::check_range(vm, a.size(), "native_handles", 2, 2)) return {};
    if (!is_type_object(a[0]) || !is_type_object(a[1]) || !a[1].as<Type>()->is_subtype(a[0].as<Type>()))
        return raise(vm, vm.exc.TypeError, "native_handles() expects Handle and its subclass TimerHandle");
    HandleSlots s;
    s.type = a[0].as<Type>();
    s.timer_type = a[1].as<Type>();
    std::int32_t* fields[] = {&s.callback, &s.args, &s.loop};
    const char* names[] = {"_callback", "_args", "_loop"};
    for (std::size_t i = 0; i < std::size(fields); ++i)
        if ((*fields[i] = slot_index(vm, s.type, names[i])) < 0)
            return raise_fmt(vm, vm.exc.TypeError, "native_handles(): Handle has no slot {}", names[i]);
    if ((s.when = slot_index(vm, s.timer_type, "_when")) < 0 || (s.scheduled = slot_index(vm, s.timer_type, "_scheduled")) < 0)
        return raise(vm, vm.exc.TypeError, "native_handles(): TimerHandle has no slots _when and _scheduled");
    // Kept alive until the VM ends (its teardown frees them whatever their counts): the state
    // holds plain pointers, and `_looplab` is importable, so a class could be a learner's.
    incref(s.type);
    incref(s.timer_type);
    aio_state(vm).handle_slots = s;
    // heapq orders the timers with `<` alone: every push and pop compares handles, and a
    // Python `__lt__` there costs a nested interpreter run per comparison.
    give_native_timer_order(vm, s.timer_type);
    return Value::none();
}

}  // namespace

// The __slots__ index of `name` in `cls`, or -1 (no such member descriptor).
std::int32_t slot_index(VM& vm, Type* cls, std::string_view name) {
    Value d = cls->lookup(vm.intern(name));
    if (!d || !is_type(d, vm.types.member_descriptor)) return -1;
    return static_cast<std::int32_t>(d.as<MemberDescriptor>()->index);
}

Value make_handle(VM& vm, const Value& callback, const Value& args, const Value& loop, const Value& context) {
    Value fields[] = {callback, args, loop, context};
    Instance* h = new_handle(vm, aio_state(vm).handle_slots.type, Args(fields, 4), 0);
    return h ? Value::steal(h) : Value();
}

Value handle_callback(VM& vm, const Value& handle) {
    const HandleSlots& s = aio_state(vm).handle_slots;
    if (s.type && handle.is_obj() && handle.obj()->type->is_subtype(s.type))
        return static_cast<Instance*>(handle.obj())->slot_values()[s.callback];
    Value cb = get_attr_opt(vm, handle, "_callback");
    if (has_error(vm)) clear_error(vm);
    return cb;
}

void init_handles(VM& vm, Module* m) {
    def_function(vm, m, "native_handles", m_native_handles);
    def_function(vm, m, "handle", m_handle);
    def_function(vm, m, "timer_handle", m_timer_handle);
}

}  // namespace ll::aio
