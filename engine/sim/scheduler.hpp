// The simulated threads of one VM and the GIL between them: which thread runs, which wait for
// the GIL, which are blocked until when. One real thread runs everything; a simulated thread is
// a frame chain plus the interpreter state (vm.thread) saved while another one runs.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/vm/vm.hpp"

namespace ll::sim {

constexpr double kNever = std::numeric_limits<double>::infinity();

enum class ThreadState : std::uint8_t { Ready, Running, Blocked, Done };

// The parts of vm.thread that belong to one simulated thread (swapped in while it runs).
struct SavedState {
    vm::Frame* frame = nullptr;
    vm::Value exc;
    vm::Value base_exc;  // vm.thread.base_exc_state.value (the node itself never moves)
    vm::ExcStateNode* exc_info = nullptr;
    std::vector<vm::ExcStateNode*> exc_outer;
    int depth = 0;
    int native_depth = 0;
};

struct SimLock {
    bool locked = false;
    std::deque<int> waiters;  // thread ids, first come first served
};

struct SimThread {
    int id = 0;                  // 0: the main thread
    std::int64_t ident = 0;      // threading.get_ident()
    std::string name, target;    // shown in the snapshot
    ThreadState state = ThreadState::Ready;
    double wake_at = kNever;     // Blocked: when its timed wait ends
    int lock = -1;               // Blocked: the lock it waits for (-1: a sleep or a plain wait)
    std::string waiting;         // Blocked: what for, in words
    vm::Value delivered;         // what the blocking call returns once woken
    std::uint64_t order = 0;     // when it blocked / became ready: ties are broken by it
    double ready_since = 0;      // Ready: since when it waits for the GIL
    SavedState saved;
    vm::Value entry;             // Frame of its bootstrap call (null for main and once done)
    vm::Budget budget;
    bool begun = false;
    bool on_stack = false;       // blocked inside a nested scheduler loop: its C++ frames are live
    bool patch_result = false;   // paused right after a blocking native: replace its result
    std::uint64_t cpu_steps = 0;
};

struct Scheduler {
    std::vector<std::unique_ptr<SimThread>> threads;  // by id
    std::vector<SimLock> locks;
    SimThread* current = nullptr;
    std::deque<SimThread*> ready;  // waiting for the GIL, in order
    std::uint64_t order = 0;
    // The CPU cost model: virtual seconds per step (a call or a loop iteration); 0: off.
    double step_cost = 0;
    std::int64_t charged_steps = 0;
    double last_switch = 0;       // when the running thread took the GIL
    std::int64_t next_ident = 0x1000;
    std::int64_t slice_budget = 5'000'000;  // steps a thread may take between two blocking calls
    std::uint64_t switches = 0;
};

Scheduler& scheduler(vm::VM& vm);
void reset_scheduler(vm::VM& vm);

// A new thread that will run `func(*args)` (a Python function); it waits for the GIL.
SimThread* spawn(vm::VM& vm, const vm::Value& func, const vm::Value& args, std::string name, std::string target);

// The running thread blocks until `deadline` (kNever: no timeout) or, when `lock` >= 0, until it
// is given that lock. Returns what the blocking call returns (True/False for a lock, None for a
// sleep), or null with an exception set (a deadlock, a frozen thread).
vm::Value block(vm::VM& vm, double deadline, int lock, std::string waiting);

// Makes the waiting thread `t` runnable (it joins the GIL queue) with `result` for its call.
void wake(vm::VM& vm, SimThread* t, vm::Value result);

// The CPU cost model: charges the steps taken since the last charge to the clock.
void charge_cpu(vm::VM& vm);
void set_step_cost(vm::VM& vm, double seconds_per_step);
bool step_alarm(vm::VM& vm);

// At the end of the program: the main thread waits for the threads still running (CPython's
// threading._shutdown joins non-daemon threads). False with an exception set on failure.
bool others_alive(vm::VM& vm);

}  // namespace ll::sim
