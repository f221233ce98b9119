// `_looplab.native_futures(Future, InvalidStateError, BaseEventLoop)`: the Future methods every task
// switch calls (__init__, done, cancelled, get_loop, result, add_done_callback, set_result,
// _schedule_callbacks), `await future`, and the loop's call_soon and create_future, made native,
// as CPython's C Future is. Each does what its Python original in futures.py / base_events.py does (those stay
// the readable reference, and what the CPython shim runs); a Python method there costs a frame
// and some 20 bytecodes per call, and a task switch makes about ten such calls.
#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

bool state_is(const Value& state, std::string_view name) { return is_str(state) && state.as<Str>()->text == name; }

// self as a Future instance (a subclass's included), or null after CPython's TypeError.
Instance* future_self(VM& vm, Args a, const char* method) {
    const FutureSlots& s = aio_state(vm).future_slots;
    if (a.size() == 0 || !a[0].is_obj() || !a[0].obj()->type->is_subtype(s.type)) {
        raise_fmt(vm, vm.exc.TypeError, "descriptor '{}' for '_asyncio.Future' objects doesn't apply to a '{}' object",
                  method, a.size() ? type_name(a[0]) : std::string_view("NoneType"));
        return nullptr;
    }
    return static_cast<Instance*>(a[0].obj());
}

// self for a method without arguments (CPython's message otherwise).
Instance* future_self_only(VM& vm, Args a, const char* method) {
    Instance* f = future_self(vm, a, method);
    if (f && (a.size() != 1 || a.has_kwargs())) {
        raise_fmt(vm, vm.exc.TypeError, "Future.{}() takes no arguments ({} given)", method, a.size() - 1 + a.kwcount);
        return nullptr;
    }
    return f;
}

// A subclass whose __init__ never called ours has no loop: CPython's C Future then raises
// `type(message)` from most methods.
bool initialized(VM& vm, Instance* f, Type* type, const char* message) {
    if (!f->slot_values()[aio_state(vm).future_slots.loop].is_null()) return true;
    raise(vm, type, message);
    return false;
}

// A slot's value; unset (a subclass's __init__ deleted it): AttributeError, as reading it in
// Python would raise.
const Value* slot(VM& vm, Instance* f, std::int32_t index, const char* name) {
    const Value& v = f->slot_values()[index];
    if (v.is_null()) {
        raise_fmt(vm, vm.exc.AttributeError, "'{}' object has no attribute '{}'", f->type->name, name);
        return nullptr;
    }
    return &v;
}

// Reads a field that is a class attribute until a future changes it (an instance dict then).
Value field(VM& vm, Instance* f, Str* name) { return get_attr(vm, Value::borrow(f), name); }

bool same_object(const Value& a, const Value& b) {
    if (a.is_obj() || b.is_obj()) return a.is_obj() && b.is_obj() && a.obj() == b.obj();
    return a.is_none() && b.is_none();
}

// `if self.<name>: self.<name> = False` (the _log_traceback idiom).
bool clear_flag(VM& vm, Instance* f, Str* name) {
    Value v = field(vm, f, name);
    if (!v) return false;
    int set = truthy(vm, v);
    if (set < 0) return false;
    return !set || set_attr(vm, Value::borrow(f), name, Value::boolean(false));
}

// An uninitialized future's state reads as pending (CPython's C Future starts at 0, PENDING).
Value fm_done(VM& vm, Args a) {
    Instance* f = future_self_only(vm, a, "done");
    if (!f) return {};
    const Value& st = f->slot_values()[aio_state(vm).future_slots.state];
    return Value::boolean(!st.is_null() && !state_is(st, "PENDING"));
}

Value fm_cancelled(VM& vm, Args a) {
    Instance* f = future_self_only(vm, a, "cancelled");
    if (!f) return {};
    return Value::boolean(state_is(f->slot_values()[aio_state(vm).future_slots.state], "CANCELLED"));
}

Value fm_get_loop(VM& vm, Args a) {
    Instance* f = future_self_only(vm, a, "get_loop");
    if (!f || !initialized(vm, f, vm.exc.RuntimeError, "Future object is not initialized.")) return {};
    return f->slot_values()[aio_state(vm).future_slots.loop];
}

Value fm_result(VM& vm, Args a) {
    Instance* f = future_self_only(vm, a, "result");
    const FutureSlots& s = aio_state(vm).future_slots;
    if (!f || !initialized(vm, f, s.invalid_state_error, "Future object is not initialized.")) return {};
    const Value* st = slot(vm, f, s.state, "_state");
    if (!st) return {};
    if (state_is(*st, "CANCELLED")) {
        Value exc = call_method(vm, a[0], "_make_cancelled_error", {});
        return exc ? raise_value(vm, std::move(exc)) : Value();
    }
    if (!state_is(*st, "FINISHED")) return raise(vm, s.invalid_state_error, "Result is not set.");
    if (!clear_flag(vm, f, s.log_traceback)) return {};
    Value exc = field(vm, f, s.exception);
    if (!exc) return {};
    if (!exc.is_none()) return raise_value(vm, std::move(exc));
    const Value* result = slot(vm, f, s.result, "_result");
    return result ? *result : Value();
}

// `loop.call_soon(callback, arg, context=context)`: straight to the native call_soon when that is
// what the loop's class has (a subclass may have its own).
Value call_soon(VM& vm, const Value& loop, const Value& callback, const Value& arg, const Value& context) {
    const FutureSlots& s = aio_state(vm).future_slots;
    Value kwname = Value::borrow(s.context_name);
    Value method = type_of(loop)->lookup(s.call_soon_name);
    if (method.is_obj() && method.obj() == s.call_soon_native) {
        Value args[] = {loop, callback, arg, context};
        Args call_args(args, 3);
        call_args.kwvalues = args + 3;
        call_args.kwnames = &kwname;
        call_args.kwcount = 1;
        return loop_call_soon(vm, call_args);
    }
    Value bound = get_attr(vm, loop, s.call_soon_name);
    if (!bound) return {};
    Value args[] = {callback, arg, context};
    Args call_args(args, 2);
    call_args.kwvalues = args + 2;
    call_args.kwnames = &kwname;
    call_args.kwcount = 1;
    return call(vm, bound, call_args);
}

Value fm_add_done_callback(VM& vm, Args a) {
    Instance* f = future_self(vm, a, "add_done_callback");
    if (!f) return {};
    Value context = Value::none();
    for (std::size_t i = 0; i < a.kwcount; ++i) {
        if (a.kwname(i) != "context")
            return raise_fmt(vm, vm.exc.TypeError, "add_done_callback() got an unexpected keyword argument '{}'", a.kwname(i));
        context = a.kwvalues[i];
    }
    if (a.size() != 2) return raise_fmt(vm, vm.exc.TypeError, "add_done_callback() takes exactly 1 positional argument ({} given)", a.size() - 1);
    const FutureSlots& s = aio_state(vm).future_slots;
    if (!initialized(vm, f, vm.exc.RuntimeError, "uninitialized Future object")) return {};
    const Value* st = slot(vm, f, s.state, "_state");
    if (!st) return {};
    const Value& fn = a[1];
    if (!state_is(*st, "PENDING")) {
        // Done already: the callback is scheduled at once (through the loop's call_soon).
        const Value* loop = slot(vm, f, s.loop, "_loop");
        if (!loop) return {};
        Value r = call_soon(vm, *loop, fn, a[0], context);
        return r ? Value::none() : Value();
    }
    const Value* first = slot(vm, f, s.callback0, "_callback0");
    if (!first) return {};
    Value callbacks = field(vm, f, s.callbacks);
    if (!callbacks) return {};
    if (first->is_none() && callbacks.is_none()) {
        f->slot_values()[s.callback0] = fn;
        Value context0 = field(vm, f, s.context0);
        if (!context0) return {};
        if (!same_object(context, context0) && !set_attr(vm, a[0], s.context0, context)) return {};
        return Value::none();
    }
    if (callbacks.is_none()) {
        callbacks = new_list(vm, {});
        if (!set_attr(vm, a[0], s.callbacks, callbacks)) return {};
    }
    Value entry = new_tuple(vm, {fn, context});
    Value r = call_method(vm, callbacks, "append", {entry});
    return r ? Value::none() : Value();
}

// futures.Future._schedule_callback: the callback goes to the loop's ready queue; a task waiting
// on us is told it wakes up.
bool schedule_callback(VM& vm, Instance* f, const Value& callback, const Value& context) {
    const FutureSlots& s = aio_state(vm).future_slots;
    const Value* loop = slot(vm, f, s.loop, "_loop");
    if (!loop) return false;
    Value self = Value::borrow(f);
    Value handle = call_soon(vm, *loop, callback, self, context);
    if (!handle) return false;
    Value waiter;
    if (is_type(callback, vm.types.method)) {
        waiter = callback.as<BoundMethod>()->self;
    } else {
        waiter = get_attr_opt(vm, callback, "__self__");
        if (has_error(vm)) return false;
    }
    if (waiter && !waiter.is_none()) {
        Value waiting_on = get_attr_opt(vm, waiter, "_fut_waiter");
        if (has_error(vm)) return false;
        if (waiting_on.is_obj() && waiting_on.obj() == f) {
            Value details[] = {waiter, Value::borrow(s.ready_state), self};
            emit_event(vm, "task_state", Args(details, 3));
            if (has_error(vm)) return false;
        }
    }
    return true;
}

Value schedule_callbacks(VM& vm, Instance* f) {
    const FutureSlots& s = aio_state(vm).future_slots;
    const Value* first = slot(vm, f, s.callback0, "_callback0");
    if (!first) return {};
    Value callback = *first;
    if (!callback.is_none()) {
        Value context = field(vm, f, s.context0);
        if (!context) return {};
        f->slot_values()[s.callback0] = Value::none();
        if (!context.is_none() && !set_attr(vm, Value::borrow(f), s.context0, Value::none())) return {};
        if (!schedule_callback(vm, f, callback, context)) return {};
    }
    Value callbacks = field(vm, f, s.callbacks);
    if (!callbacks) return {};
    int any = truthy(vm, callbacks);
    if (any < 0) return {};
    if (any) {
        if (!set_attr(vm, Value::borrow(f), s.callbacks, Value::none())) return {};
        if (!is_type(callbacks, vm.types.list)) return raise(vm, vm.exc.TypeError, "Future._callbacks must be a list");
        // A copy: a callback scheduled here cannot change the list, but a finalizer could.
        std::vector<Value> entries = callbacks.as<List>()->items;
        for (const Value& entry : entries) {
            if (!is_type(entry, vm.types.tuple) || entry.as<Tuple>()->items.size() != 2)
                return raise(vm, vm.exc.TypeError, "Future._callbacks holds (callback, context) pairs");
            if (!schedule_callback(vm, f, entry.as<Tuple>()->items[0], entry.as<Tuple>()->items[1])) return {};
        }
    }
    return Value::none();
}

Value fm_schedule_callbacks(VM& vm, Args a) {
    Instance* f = future_self_only(vm, a, "_schedule_callbacks");
    if (!f) return {};
    return schedule_callbacks(vm, f);
}

Value fm_set_result(VM& vm, Args a) {
    Instance* f = future_self(vm, a, "set_result");
    if (!f || !lib::no_kwargs(vm, a, "set_result")) return {};
    if (a.size() < 2) return raise(vm, vm.exc.TypeError, "set_result() takes exactly 1 positional argument (0 given)");
    if (a.size() > 2) return raise_fmt(vm, vm.exc.TypeError, "set_result() takes at most 1 argument ({} given)", a.size() - 1);
    const FutureSlots& s = aio_state(vm).future_slots;
    if (!initialized(vm, f, vm.exc.RuntimeError, "Future object is not initialized.")) return {};
    const Value* st = slot(vm, f, s.state, "_state");
    if (!st) return {};
    if (!state_is(*st, "PENDING")) return raise(vm, s.invalid_state_error, "invalid state");
    f->slot_values()[s.result] = a[1];
    f->slot_values()[s.state] = Value::borrow(s.finished);
    // Not through self._schedule_callbacks(): CPython's C Future calls no override either.
    return schedule_callbacks(vm, f);
}

// What Future.__init__ stores for a future of `loop` outside debug mode.
void init_fields(VM& vm, Instance* f, const Value& loop) {
    const FutureSlots& s = aio_state(vm).future_slots;
    Value* v = f->slot_values();
    v[s.state] = Value::borrow(s.pending);
    v[s.result] = Value::none();
    v[s.loop] = loop;
    v[s.callback0] = Value::none();
    v[s.blocking] = Value::boolean(false);
}

// 1 if `loop` is in debug mode, 0 if not, -1 after an error.
int loop_debug(VM& vm, const Value& loop) {
    FutureSlots& s = aio_state(vm).future_slots;
    Value debug = get_attr_cached(vm, s.debug_cache, loop, s.debug);
    return debug ? truthy(vm, debug) : -1;
}

// Future.__init__(self, *, loop=None) with a loop outside debug mode; the Python original does
// the rest (the current loop, debug mode's creation stack, argument errors).
Value fm_init(VM& vm, Args a) {
    const FutureSlots& s = aio_state(vm).future_slots;
    if (a.size() > 1) return raise(vm, vm.exc.TypeError, "Future() takes no positional arguments");
    if (a.size() == 1 && a.kwcount == 1 && a.kwname(0) == "loop" && !a.kwvalues[0].is_none() && a[0].is_obj() &&
        a[0].obj()->type->is_subtype(s.type)) {
        int debug = loop_debug(vm, a.kwvalues[0]);
        if (debug < 0) return {};
        if (!debug) {
            init_fields(vm, static_cast<Instance*>(a[0].obj()), a.kwvalues[0]);
            return Value::none();
        }
    }
    return call(vm, Value::borrow(s.init_python), a);
}

// Future.__await__ and __iter__: `await fut` makes its FutureIter without a Python frame.
Value fm_await(VM& vm, Args a) {
    Instance* f = future_self(vm, a, "__await__");
    if (f && (a.size() != 1 || a.has_kwargs())) return raise_fmt(vm, vm.exc.TypeError, "expected 0 arguments, got {}", a.size() - 1 + a.kwcount);
    if (!f || !initialized(vm, f, vm.exc.RuntimeError, "Future object is not initialized.")) return {};
    return new_future_iter(vm, a[0]);
}

}  // namespace

// BaseEventLoop.call_soon(callback, *args, context=None). The closed and debug cases (an error;
// a Handle that records where it was made) run the Python original, kept by native_futures().
Value loop_call_soon(VM& vm, Args a) {
    FutureSlots& s = aio_state(vm).future_slots;
    Value context = Value::none();
    bool plain = a.size() >= 2;
    for (std::size_t i = 0; i < a.kwcount && plain; ++i) {
        if (a.kwname(i) == "context") context = a.kwvalues[i];
        else plain = false;
    }
    Value closed, debug;
    if (plain) {
        closed = get_attr_cached(vm, s.closed_cache, a[0], s.closed);
        if (!closed) return {};
        debug = get_attr_cached(vm, s.debug_cache, a[0], s.debug);
        if (!debug) return {};
    }
    if (!plain || !closed.is_bool() || closed.as_bool() || !debug.is_bool() || debug.as_bool())
        return call(vm, Value::borrow(s.call_soon_python), a);
    Value args = a.size() == 2 ? vm.empty_tuple : new_tuple(vm, std::span(a.items + 2, a.size() - 2));
    Value handle = make_handle(vm, a[1], args, a[0], context);
    if (!handle) return {};
    Value ready = get_attr_cached(vm, s.ready_cache, a[0], s.ready);
    if (!ready) return {};
    if (!lib::append_to_deque(vm, ready, handle) && !call_method(vm, ready, "append", {handle})) return {};
    emit_event(vm, "handle_scheduled", Args(&handle, 1));
    if (has_error(vm)) return {};
    return handle;
}

// BaseEventLoop.create_future(): a Future made here outside debug mode (which records where).
Value loop_create_future(VM& vm, Args a) {
    const FutureSlots& s = aio_state(vm).future_slots;
    if (a.size() == 1 && !a.has_kwargs()) {
        int debug = loop_debug(vm, a[0]);
        if (debug < 0) return {};
        if (!debug) {
            auto* f = static_cast<Instance*>(alloc_instance(vm, s.type));
            Value fut = Value::steal(f);
            init_fields(vm, f, a[0]);
            return fut;
        }
    }
    return call(vm, Value::borrow(s.create_future_python), a);
}

Value m_native_futures(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "native_futures") || !lib::check_range(vm, a.size(), "native_futures", 3, 3)) return {};
    if (!is_type_object(a[0]) || !is_type_object(a[1]) || !is_type_object(a[2]))
        return raise(vm, vm.exc.TypeError, "native_futures() expects Future, InvalidStateError and BaseEventLoop");
    FutureSlots s;
    s.type = a[0].as<Type>();
    s.invalid_state_error = a[1].as<Type>();
    std::int32_t* fields[] = {&s.state, &s.result, &s.loop, &s.callback0, &s.blocking};
    const char* names[] = {"_state", "_result", "_loop", "_callback0", "_asyncio_future_blocking"};
    for (std::size_t i = 0; i < std::size(fields); ++i)
        if ((*fields[i] = slot_index(vm, s.type, names[i])) < 0)
            return raise_fmt(vm, vm.exc.TypeError, "native_futures(): Future has no slot {}", names[i]);
    Type* loop_type = a[2].as<Type>();
    // The Python originals, for the cases the native ones hand back.
    Value python_call_soon = loop_type->lookup(vm.intern("call_soon"));
    Value python_create_future = loop_type->lookup(vm.intern("create_future"));
    Value python_init = s.type->lookup(vm.intern("__init__"));
    if (!python_call_soon || !python_create_future || !python_init)
        return raise(vm, vm.exc.TypeError, "native_futures(): no Future.__init__, BaseEventLoop.call_soon or create_future");
    s.pending = vm.intern("PENDING");
    s.finished = vm.intern("FINISHED");
    s.exception = vm.intern("_exception");
    s.log_traceback = vm.intern("_log_traceback");
    s.callbacks = vm.intern("_callbacks");
    s.context0 = vm.intern("_context0");
    s.closed = vm.intern("_closed");
    s.debug = vm.intern("_debug");
    s.ready = vm.intern("_ready");
    s.call_soon_name = vm.intern("call_soon");
    s.context_name = vm.intern("context");
    s.ready_state = vm.intern("ready");
    // Kept until the VM ends (its teardown frees them whatever their counts): the state holds
    // plain pointers, and `_looplab` is importable, so these could be a learner's.
    auto keep = [](Object* o) {
        incref(o);
        return o;
    };
    keep(s.type);
    keep(s.invalid_state_error);
    s.call_soon_python = keep(python_call_soon.obj());
    s.create_future_python = keep(python_create_future.obj());
    s.init_python = keep(python_init.obj());
    Type* cls = s.type;
    def_method(vm, cls, "__init__", fm_init);
    def_method(vm, cls, "__await__", fm_await);
    def_method(vm, cls, "__iter__", fm_await);
    enable_direct_await(vm, fm_await);
    def_method(vm, cls, "done", fm_done);
    def_method(vm, cls, "cancelled", fm_cancelled);
    def_method(vm, cls, "get_loop", fm_get_loop);
    def_method(vm, cls, "result", fm_result);
    def_method(vm, cls, "add_done_callback", fm_add_done_callback);
    def_method(vm, cls, "set_result", fm_set_result);
    def_method(vm, cls, "_schedule_callbacks", fm_schedule_callbacks);
    def_method(vm, loop_type, "call_soon", loop_call_soon);
    def_method(vm, loop_type, "create_future", loop_create_future);
    s.call_soon_native = loop_type->lookup(vm.intern("call_soon")).obj();
    aio_state(vm).future_slots = s;
    return Value::none();
}

}  // namespace ll::aio
