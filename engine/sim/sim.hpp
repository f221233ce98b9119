// The public face of engine/sim: simulated threads with a GIL, blocking calls and the CPU cost
// model on the VM's virtual clock, and the modules that expose them (`threading`,
// `concurrent.futures`, `looplab`). One call for an embedder: `ll::sim::install(vm);`
#pragma once

#include <string>
#include <vector>

#include "engine/vm/vm.hpp"

namespace ll::sim {

struct SimThread;

// Registers `threading`, `concurrent.futures`, `looplab` and `_looplab_threads`, routes
// time.sleep through the scheduler, and resets this VM's threads (call after aio::install).
void install(vm::VM& vm);

// Virtual seconds each step (a call or a loop iteration) costs; 0 (the default) turns the CPU
// cost model off, so that computing takes no virtual time, as under the CPython oracle.
void set_cpu_cost(vm::VM& vm, double seconds_per_step);

// The end of the main program: like CPython's threading._shutdown, the main thread waits for
// the non-daemon threads still running. False with an exception set (e.g. a deadlock).
bool finish_main(vm::VM& vm);

// What the snapshot shows of each thread, in creation order (empty if no thread was started).
struct ThreadInfo {
    std::string name;
    std::string state;   // "running", "waiting for the GIL", "blocked until t=2.0 (time.sleep)", "done"
    std::string target;  // what it runs
    bool holds_gil = false;
};
std::vector<ThreadInfo> thread_infos(vm::VM& vm);

// Sends a thread's new state to the trace (engine/aio's event sink, kind "thread").
void notify_thread(vm::VM& vm, SimThread* t);

}  // namespace ll::sim
