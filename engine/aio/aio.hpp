// The public face of engine/aio: install the asyncio prelude and the `_looplab` native module into
// a VM, and observe the loop's trace events (what the session turns into ticks and narration).
#pragma once

#include <string_view>

#include "engine/vm/vm.hpp"

namespace ll::aio {

// Receives every `_looplab.event(kind, *details)` call of the prelude, and every move of the
// virtual clock. The details are borrowed for the duration of the call: a sink must not keep
// references to them (finalizer timing, and so CPython's warning order, depends on it).
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void on_event(vm::VM& vm, std::string_view kind, vm::Args details) = 0;
    // `blocking`: time.sleep() moved it (the loop is frozen); otherwise the idle loop jumped.
    virtual void on_clock(vm::VM& vm, double old_time, double new_time, bool blocking) = 0;
};

// Registers the prelude's modules ("asyncio", "asyncio.tasks", ..., "contextlib") as source
// modules and `_looplab` as a native module, and resets this VM's asyncio state. One line for
// any embedder (CLI, session, tests): `ll::aio::install(vm);`
void install(vm::VM& vm);

// Where the trace goes (nullptr: nowhere). The sink must outlive its installation.
void set_event_sink(vm::VM& vm, EventSink* sink);
EventSink* event_sink(vm::VM& vm);

// True once `_looplab.deadlock()` ended the run (exit status 3, as the oracle harness does).
bool deadlocked(vm::VM& vm);

// True when `set` is a `_looplab.WeakSet` that holds `o`: a way to know that a task the session
// saw is still alive without keeping it alive (nothing is swept, so no finalizer runs).
bool weak_set_holds(vm::VM& vm, const vm::Value& set, const vm::Object* o);

// A loop handle's `_callback` (a slot read for the prelude's handles); null if it has none.
vm::Value handle_callback(vm::VM& vm, const vm::Value& handle);

// A filename of the prelude ("<asyncio>/tasks.py", "<contextlib>") or of the notebook's driver
// ("<notebook>", engine/session): hidden in the learner's view.
bool is_prelude_filename(std::string_view filename);

}  // namespace ll::aio
