// Per-VM state of the library (builtins_*.cpp, lib_*.cpp): the native types it creates and the
// virtual clock that time.* and the asyncio loop share. Kept beside the VM rather than in it so
// the library needs no field in vm.hpp; the entry is reset each time a VM is constructed.
#pragma once

#include <functional>

#include "engine/vm/vm.hpp"

namespace ll::vm {

// The one virtual clock of a VM, in seconds. Starts at 0.0. time.time()/monotonic()/perf_counter()
// read it; time.sleep(x) and the event loop (engine/aio) advance it. Reading never advances it.
double& virtual_clock(VM& vm);

namespace lib {

struct LibState {
    double clock = 0.0;
    // Called by time.sleep(x) after the clock has advanced by x (engine/sim records the blocking
    // call in the trace). Returning false means an exception was raised.
    std::function<bool(VM&, double seconds)> on_blocking_sleep;
    // When set, time.sleep(x) is this instead (engine/sim: the calling thread blocks for x
    // seconds and the others run meanwhile). Returning false means an exception was raised.
    std::function<bool(VM&, double seconds)> sleep_hook;
    // Called before the clock is read by time.*() (engine/sim charges the CPU time spent so far).
    std::function<void(VM&)> sync_clock;
    // Native types made by the library (owned by the VM's heap; raw pointers are enough since
    // they live as long as the VM).
    Type* enumerate = nullptr;
    Type* zip = nullptr;
    Type* map = nullptr;
    Type* filter = nullptr;
    Type* reversed = nullptr;
    Type* list_reverseiterator = nullptr;
    Type* deque = nullptr;
    Type* deque_iterator = nullptr;
    Type* random = nullptr;
    // The gc module (gc.cpp, lib_gc.cpp).
    bool gc_enabled = true;
    bool gc_collecting = false;
};

// `d.append(v)` for an exact collections.deque (false, nothing done, for anything else): for
// natives that queue work, without a method lookup per call (lib_deque.cpp).
bool append_to_deque(VM& vm, const Value& d, const Value& v);

// The state of `vm` (created on first use, reset by reset_lib_state at VM construction).
LibState& lib_state(VM& vm);
void reset_lib_state(VM& vm);

}  // namespace lib
}  // namespace ll::vm
