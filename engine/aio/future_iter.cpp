// `_looplab.future_iter(fut)`: what `await future` iterates, as CPython's C FutureIter. One small
// native object per await instead of a Python generator and its frame, which a suspended task
// would otherwise keep alive for as long as it waits. `_looplab.native_futures` (future_methods.cpp)
// makes Future.__await__ native too, and then `await fut` makes no iterator at all: the future
// stays on the stack and SEND takes the same steps (VM::direct_await); cr_await still shows one.
#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

struct FutureIterObject : Object {
    FutureIterObject(Type* t, Value f) : Object(t), future(std::move(f)) {}
    Value future;  // null once the await is over
    void gc_traverse(GcVisit visit, void* arg) override {
        if (future.is_obj()) visit(future.obj(), arg);
    }
    void gc_clear() override { Value dead = std::move(future); }
};

enum class AwaitStep { Yield, Done, Error };

// One step of the await (CPython's FutureIter_iternext): a pending future is handed once to the
// task driving us (`out`), marked as blocking; a done one ends it: the caller takes its result.
AwaitStep await_step(VM& vm, const Value& fut, Value& out) {
    const FutureSlots& s = aio_state(vm).future_slots;
    Value* slots = nullptr;  // the prelude's Future (or a subclass): its fields are slots
    if (s.type && fut.is_obj() && fut.obj()->type->is_subtype(s.type)) slots = static_cast<Instance*>(fut.obj())->slot_values();
    Value state = slots ? slots[s.state] : get_attr(vm, fut, "_state");
    if (state.is_null()) {
        if (slots) raise(vm, vm.exc.RuntimeError, "Future object is not initialized.");
        return AwaitStep::Error;
    }
    if (is_str(state) && state.as<Str>()->text == "PENDING") {
        const bool in_slot = slots && slots[s.blocking].is_bool();  // not shadowed by a subclass
        Value blocking = in_slot ? slots[s.blocking] : get_attr(vm, fut, "_asyncio_future_blocking");
        if (!blocking) return AwaitStep::Error;
        int set = truthy(vm, blocking);
        if (set < 0) return AwaitStep::Error;
        if (set) return raise(vm, vm.exc.RuntimeError, "await wasn't used with future"), AwaitStep::Error;
        if (in_slot) slots[s.blocking] = Value::boolean(true);
        else if (!set_attr(vm, fut, vm.intern("_asyncio_future_blocking"), Value::boolean(true))) return AwaitStep::Error;
        out = fut;
        return AwaitStep::Yield;
    }
    return AwaitStep::Done;
}

Value future_iter_next(VM& vm, const Value& self) {
    auto* it = self.as<FutureIterObject>();
    if (it->future.is_null()) return {};
    Value fut = it->future, yielded;
    AwaitStep step = await_step(vm, fut, yielded);
    if (step == AwaitStep::Yield) return yielded;
    if (step == AwaitStep::Error) return {};
    it->future = Value();
    Value result = call_method(vm, fut, "result", {});
    if (!result) return {};
    if (result.is_none()) return {};  // exhausted: the await's value is None
    return raise_with_args(vm, vm.exc.StopIteration, {result});
}

// SEND on a future that `await` left on the stack itself (VM::direct_await): the same steps,
// with no iterator.
Value direct_await_send(VM& vm, const Value& fut, bool& returned) {
    Value yielded;
    AwaitStep step = await_step(vm, fut, yielded);
    if (step == AwaitStep::Yield) return yielded;
    if (step == AwaitStep::Error) return {};
    Value result = call_method(vm, fut, "result", {});
    if (!result) return {};
    returned = true;
    return result;
}

Value fi_send(VM& vm, Args a) {
    // Like CPython's, the value sent in is ignored: a Task resumes us with None anyway.
    if (!lib::check_range(vm, a.size(), "send", 2, 2)) return {};
    Value r = future_iter_next(vm, a[0]);
    if (!r && !has_error(vm)) return raise_with_args(vm, vm.exc.StopIteration, {});
    return r;
}

Value fi_close(VM&, Args a) {
    a[0].as<FutureIterObject>()->future = Value();
    return Value::none();
}

Value m_future_iter(VM& vm, Args a) {
    if (!lib::no_kwargs(vm, a, "future_iter") || !lib::check_range(vm, a.size(), "future_iter", 1, 1)) return {};
    return new_future_iter(vm, a[0]);
}

}  // namespace

Value new_future_iter(VM& vm, const Value& future) {
    return Value::steal(new FutureIterObject(aio_state(vm).future_iter_type, future));
}

void enable_direct_await(VM& vm, NativeFn await_method) {
    vm.direct_await = await_method;
    vm.direct_await_name = vm.intern("__await__");
    vm.direct_await_send = direct_await_send;
    vm.direct_await_iter = new_future_iter;
}

void init_future_iter(VM& vm, Module* m) {
    AioState& st = aio_state(vm);
    if (!st.future_iter_type) {
        Type* t = lib::make_lib_type(vm, "FutureIter", "_asyncio");
        t->slots.new_ = nullptr;
        t->slots.iter = [](VM&, const Value& s) { return s; };
        t->slots.next = future_iter_next;
        def_method(vm, t, "send", fi_send);
        def_method(vm, t, "close", fi_close);
        st.future_iter_type = t;
    }
    def_function(vm, m, "future_iter", m_future_iter);
    def_function(vm, m, "native_futures", m_native_futures);
}

}  // namespace ll::aio
