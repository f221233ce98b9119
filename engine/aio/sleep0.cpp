// `_looplab.sleep0`: what `await asyncio.sleep(0)` awaits. Its `__await__` gives an iterator that
// yields None once and then returns None (CPython's `__sleep0` generator), made natively: no
// Python call, generator or frame for the most frequent await of every asyncio program.
#include "engine/aio/aio_state.hpp"
#include "engine/vm/builtins_util.hpp"

namespace ll::aio {

using namespace ll::vm;

namespace {

struct YieldOnceObject : Object {
    explicit YieldOnceObject(Type* t) : Object(t) {}
    bool yielded = false;
    bool finished = false;
};

// First step: the bare yield a Task answers with "run everybody else once"; second: the end.
Value yield_once_next(VM&, const Value& self) {
    auto* it = self.as<YieldOnceObject>();
    if (it->finished) return {};
    if (!it->yielded) {
        it->yielded = true;
        return Value::none();
    }
    it->finished = true;
    return {};
}

Value yo_send(VM& vm, Args a) {
    if (!lib::check_range(vm, a.size(), "send", 2, 2)) return {};
    auto* it = a[0].as<YieldOnceObject>();
    if (!it->yielded && !a[1].is_none())
        return raise(vm, vm.exc.TypeError, "can't send non-None value to a just-started generator");
    Value r = yield_once_next(vm, a[0]);
    if (!r) return raise_with_args(vm, vm.exc.StopIteration, {});
    return r;
}

Value yo_close(VM&, Args a) {
    a[0].as<YieldOnceObject>()->finished = true;
    return Value::none();
}

Value sleep0_await(VM& vm, const Value&) { return Value::steal(new YieldOnceObject(aio_state(vm).yield_once_type)); }

}  // namespace

void init_sleep0(VM& vm, Module* m) {
    AioState& st = aio_state(vm);
    if (!st.yield_once_type) {
        Type* it = lib::make_lib_type(vm, "yield_once", "_looplab");
        it->slots.new_ = nullptr;
        it->slots.iter = [](VM&, const Value& s) { return s; };
        it->slots.next = yield_once_next;
        def_method(vm, it, "send", yo_send);
        def_method(vm, it, "close", yo_close);
        st.yield_once_type = it;
        Type* s = lib::make_lib_type(vm, "Sleep0", "_looplab");
        s->slots.new_ = nullptr;
        s->slots.await = sleep0_await;
        def_method(vm, s, "__await__", [](VM& v, Args a) -> Value {
            if (!lib::check_range(v, a.size(), "__await__", 1, 1)) return {};
            return sleep0_await(v, a[0]);
        });
        st.sleep0_type = s;
    }
    def_value(vm, m, "sleep0", Value::steal(new Object(st.sleep0_type)));
}

}  // namespace ll::aio
