// Per-VM state of engine/aio (kept beside the VM, like the library's LibState): the event sink,
// the native types of `_looplab`, the live weak sets and a few flags the natives share.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/lang/code.hpp"

#include "engine/aio/aio.hpp"

namespace ll::aio {

struct WeakSetObject;

// The prelude's Handle and TimerHandle (referenced until the VM ends) and the __slots__
// index of each attribute their __init__s set (handles.cpp).
struct HandleSlots {
    vm::Type* type = nullptr;
    vm::Type* timer_type = nullptr;
    std::int32_t callback = -1, args = -1, loop = -1;
    std::int32_t when = -1, scheduled = -1;  // TimerHandle's own
};

// The prelude's Future (its __slots__ indexes and the names of its class-attribute fields) and
// BaseEventLoop.call_soon, for the native methods of future_methods.cpp. Kept until the VM ends.
struct FutureSlots {
    vm::Type* type = nullptr;
    vm::Type* invalid_state_error = nullptr;
    std::int32_t state = -1, result = -1, loop = -1, callback0 = -1, blocking = -1;
    vm::Str *pending = nullptr, *finished = nullptr;  // "PENDING", "FINISHED"
    vm::Str *exception = nullptr, *log_traceback = nullptr, *callbacks = nullptr, *context0 = nullptr;
    vm::Str *closed = nullptr, *debug = nullptr, *ready = nullptr;  // the loop's fields
    vm::Str *call_soon_name = nullptr, *context_name = nullptr, *ready_state = nullptr;
    // The Python originals, for what the native ones hand back (debug mode, errors).
    vm::Object *call_soon_python = nullptr, *create_future_python = nullptr, *init_python = nullptr;
    vm::Object* call_soon_native = nullptr;          // what native_futures() put in its place
    // The loop's fields, read on every call_soon and create_future.
    vm::Code::AttrCache closed_cache, debug_cache, ready_cache;
};

struct AioState {
    EventSink* sink = nullptr;
    vm::Type* weak_set_type = nullptr;
    vm::Type* future_iter_type = nullptr;
    vm::Type* yield_once_type = nullptr;
    vm::Type* sleep0_type = nullptr;
    HandleSlots handle_slots;
    FutureSlots future_slots;
    std::vector<WeakSetObject*> weak_sets;  // live sets (each removes itself when freed)
    // The object a handle just stepped (a task): checked for death at the next handle boundary.
    vm::Object* death_candidate = nullptr;
    bool origin_tracking = false;
    int saved_origin_depth = 0;  // the VM's coroutine_origin_depth before tracking was enabled
    bool deadlocked = false;
};

// The state of `vm`. Inline: natives ask for it several times per task switch, and the answer
// is nearly always the last VM's (cached per thread).
namespace detail {
extern constinit thread_local const vm::VM* tl_state_vm;
extern constinit thread_local AioState* tl_state;
AioState& aio_state_slow(vm::VM& vm);
}  // namespace detail
inline AioState& aio_state(vm::VM& vm) {
    if (detail::tl_state_vm == &vm) [[likely]] return *detail::tl_state;
    return detail::aio_state_slow(vm);
}
void reset_aio_state(vm::VM& vm);

// The weak-set machinery (weak_set.cpp).
vm::Type* make_weak_set_type(vm::VM& vm);
// Releases members nobody else references (their finalizers run now, as CPython's would at the
// moment the last reference went). `full`: every member; otherwise only the death candidate.
void collect_weak_sets(vm::VM& vm, bool full);

// `_looplab.future_iter` and its type (future_iter.cpp).
void init_future_iter(vm::VM& vm, vm::Module* m);
vm::Value new_future_iter(vm::VM& vm, const vm::Value& future);
// Lets `await fut` skip the FutureIter when fut's __await__ is `await_method` (VM::direct_await).
void enable_direct_await(vm::VM& vm, vm::NativeFn await_method);

// `_looplab.native_futures` (future_methods.cpp), and the native BaseEventLoop.call_soon.
vm::Value m_native_futures(vm::VM& vm, vm::Args a);
vm::Value loop_call_soon(vm::VM& vm, vm::Args a);

// The __slots__ index of `name` in `cls`, or -1 (handles.cpp).
std::int32_t slot_index(vm::VM& vm, vm::Type* cls, std::string_view name);

// A Handle holding what Handle.__init__ sets (handles.cpp; null: raised).
vm::Value make_handle(vm::VM& vm, const vm::Value& callback, const vm::Value& args, const vm::Value& loop,
                      const vm::Value& context);

// What `_looplab.event(kind, *details)` does (looplab_module.cpp): the VM's bookkeeping at
// handle boundaries, then the event sink.
void emit_event(vm::VM& vm, std::string_view kind, vm::Args details);

// `_looplab.sleep0` and its iterator type (sleep0.cpp).
void init_sleep0(vm::VM& vm, vm::Module* m);

// `_looplab.native_handles`, `handle` and `timer_handle` (handles.cpp).
void init_handles(vm::VM& vm, vm::Module* m);

// Replaces TimerHandle.__lt__ by a native one (timer_order.cpp; handle_slots must be set).
void give_native_timer_order(vm::VM& vm, vm::Type* timer_handle);

// The `_looplab` module's init function (looplab_module.cpp).
bool init_looplab_module(vm::VM& vm, vm::Module* module);

}  // namespace ll::aio
