// The scheduler of simulated threads: who holds the GIL, who waits for it, who is blocked until
// when. A blocked thread either unwinds (its frames pause, like a task's coroutine, and resume
// later) or, when it cannot (the main thread, or a blocking call inside a native call), runs the
// other threads from inside its blocking call until it is woken: C++ stack discipline, one real
// thread, and every choice made in a fixed order, so runs are deterministic.
#include "engine/sim/scheduler.hpp"

#include <cmath>
#include <mutex>
#include <unordered_map>

#include "engine/aio/aio_state.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/internal.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::sim {

using namespace ll::vm;

namespace {

// Keyed by VM address like the library's state. Leaked on purpose: a VM frees every object it
// owns, so the references held here must never be dropped after it is gone (see reset).
std::mutex g_mutex;
std::unordered_map<const VM*, std::unique_ptr<Scheduler>>& table() {
    static auto* t = new std::unordered_map<const VM*, std::unique_ptr<Scheduler>>();
    return *t;
}
thread_local const VM* tl_vm = nullptr;
thread_local Scheduler* tl_sched = nullptr;

void release_values(Scheduler& s) {
    for (auto& t : s.threads) {
        t->delivered.release();
        t->entry.release();
        t->saved.exc.release();
        t->saved.base_exc.release();
    }
}

void save(VM& vm, SavedState& s) {
    Thread& th = vm.thread;
    s.frame = th.frame;
    s.exc = std::move(th.exc);
    s.base_exc = std::move(th.base_exc_state.value);
    s.exc_info = th.exc_info;
    s.exc_outer = std::move(th.exc_outer);
    s.depth = th.depth;
    s.native_depth = th.native_depth;
}

void load(VM& vm, SavedState& s) {
    Thread& th = vm.thread;
    th.frame = s.frame;
    th.exc = std::move(s.exc);
    th.base_exc_state.value = std::move(s.base_exc);
    th.exc_info = s.exc_info ? s.exc_info : &th.base_exc_state;
    th.exc_outer = std::move(s.exc_outer);
    th.depth = s.depth;
    th.native_depth = s.native_depth;
}

void switch_to(VM& vm, Scheduler& s, SimThread* t) {
    if (s.current == t) return;
    save(vm, s.current->saved);
    load(vm, t->saved);
    s.current = t;
}

void make_ready(VM& vm, Scheduler& s, SimThread* t, double since) {
    (void)vm;
    t->state = ThreadState::Ready;
    t->wake_at = kNever;
    t->lock = -1;
    t->waiting.clear();
    t->ready_since = since;
    s.ready.push_back(t);
}

// Blocked threads whose timed wait has ended by `now`, in the order they blocked.
void wake_due(VM& vm, Scheduler& s, double now) {
    std::vector<SimThread*> due;
    for (auto& t : s.threads)
        if (t->state == ThreadState::Blocked && t->wake_at <= now) due.push_back(t.get());
    std::sort(due.begin(), due.end(), [](SimThread* a, SimThread* b) {
        return a->wake_at != b->wake_at ? a->wake_at < b->wake_at : a->order < b->order;
    });
    for (SimThread* t : due) {
        if (t->lock >= 0) {
            auto& w = s.locks[static_cast<std::size_t>(t->lock)].waiters;
            w.erase(std::remove(w.begin(), w.end(), t->id), w.end());
            t->delivered = Value::boolean(false);  // acquire(timeout=...) timed out
        } else {
            t->delivered = Value::none();          // a sleep is over
        }
        make_ready(vm, s, t, t->wake_at);
    }
}

double earliest_deadline(const Scheduler& s) {
    double next = kNever;
    for (auto& t : s.threads)
        if (t->state == ThreadState::Blocked && t->wake_at < next) next = t->wake_at;
    return next;
}

void advance_clock(VM& vm, double to, bool idle_loop) {
    double& clock = virtual_clock(vm);
    if (to <= clock) return;
    double old = clock;
    clock = to;
    if (aio::EventSink* sink = aio::aio_state(vm).sink) sink->on_clock(vm, old, to, !idle_loop);
}

bool deadlock(VM& vm, SimThread* me) {
    if (me->id == 0 && me->waiting == "the event loop's wake-up") {
        vm.write_stderr("oracle: deadlock: the event loop is idle with no timers and nothing else can wake it\n");
    } else {
        std::string who;
        Scheduler& s = scheduler(vm);
        for (auto& t : s.threads)
            if (t->state == ThreadState::Blocked) who += fmt::format("\n  {} waits for {}", t->name, t->waiting);
        vm.write_stderr(fmt::format("looplab: deadlock: every thread is blocked and nothing can wake them:{}\n", who));
    }
    aio::aio_state(vm).deadlocked = true;
    vm.budget_exhausted = true;  // end the run: no handler or finally block may run
    raise_with_args(vm, vm.exc.SystemExit, {Value::integer(3)});
    return false;
}

// Runs thread `t` (not on the C++ stack) until it blocks, is preempted or ends; `me` is the
// thread whose blocking call runs this scheduler loop (its state is what vm.thread holds).
bool run_thread(VM& vm, Scheduler& s, SimThread* t) {
    SimThread* me = s.current;
    switch_to(vm, s, t);
    t->state = ThreadState::Running;
    s.last_switch = virtual_clock(vm);
    ++s.switches;
    notify_thread(vm, t);
    Budget& b = t->budget;
    b.remaining = s.slice_budget;
    b.pausing = false;
    b.yield_now = false;
    b.stop_on_line_change = false;
    Budget* saved_budget = vm.current_budget;
    vm.current_budget = &b;
    set_step_cost(vm, s.step_cost);  // arm the CPU model's alarm for this thread's turn
    Frame* entry = t->entry.as<Frame>();
    if (t->begun && entry->paused_top() && t->patch_result) {
        Frame* top = entry->paused_top();
        if (top->sp > 0) top->stack()[top->sp - 1] = t->delivered;
    }
    t->patch_result = false;
    Value result;
    Exit e = t->begun && entry->paused_top() ? run_frames(vm, entry, entry->paused_top(), b, result, false)
                                           : run(vm, entry, b, result);
    t->begun = true;
    vm.current_budget = saved_budget;
    Value error;
    bool frozen = false;
    switch (e) {
        case Exit::Returned:
        case Exit::Yielded:
            t->state = ThreadState::Done;
            break;
        case Exit::Raised:
            // The bootstrap reports the target's exceptions itself: what escapes ends the run.
            t->state = ThreadState::Done;
            error = take_error(vm);
            break;
        case Exit::OutOfBudget:
            if (t->state == ThreadState::Running) {
                t->state = ThreadState::Done;
                frozen = true;
            }
            break;
    }
    // Read the frozen thread's line now: releasing its entry frame below may free it.
    int frozen_line = 0;
    if (frozen && entry->paused_top()) frozen_line = entry->paused_top()->code_obj()->co->line_of(entry->paused_top()->pc);
    if (t->state == ThreadState::Done) {
        t->entry = Value();
        notify_thread(vm, t);
    }
    switch_to(vm, s, me);
    if (frozen) {
        const int line = frozen_line;
        vm.budget_exhausted = true;
        raise(vm, vm.exc.SystemError,
              fmt::format("{} is frozen: it ran {} steps without blocking (line {})", t->name, s.slice_budget, line));
        return false;
    }
    if (error) {
        raise_value(vm, error);
        return false;
    }
    return true;
}

}  // namespace

Scheduler& scheduler(VM& vm) {
    if (tl_vm == &vm) return *tl_sched;
    std::lock_guard<std::mutex> lock(g_mutex);
    auto& slot = table()[&vm];
    if (!slot) slot = std::make_unique<Scheduler>();
    tl_vm = &vm;
    tl_sched = slot.get();
    return *slot;
}

void reset_scheduler(VM& vm) {
    Scheduler& s = scheduler(vm);
    release_values(s);
    s = Scheduler{};
    auto main = std::make_unique<SimThread>();
    main->id = 0;
    main->ident = s.next_ident++;
    main->name = "MainThread";
    main->target = "the program";
    main->state = ThreadState::Running;
    s.current = main.get();
    s.threads.push_back(std::move(main));
}

SimThread* spawn(VM& vm, const Value& func, const Value& args, std::string name, std::string target) {
    Scheduler& s = scheduler(vm);
    if (type_of(func) != vm.types.function || !is_tuple(args)) {
        raise(vm, vm.exc.TypeError, "start_new_thread() needs a Python function and a tuple of arguments");
        return nullptr;
    }
    const auto& items = args.as<Tuple>()->items;
    Frame* frame = make_call_frame(vm, func.as<Function>(), Args(items.data(), static_cast<std::uint32_t>(items.size())));
    if (!frame) return nullptr;
    auto t = std::make_unique<SimThread>();
    t->id = static_cast<int>(s.threads.size());
    t->ident = s.next_ident++;
    t->name = std::move(name);
    t->target = std::move(target);
    t->entry = Value::steal(frame);
    SimThread* raw = t.get();
    s.threads.push_back(std::move(t));
    make_ready(vm, s, raw, virtual_clock(vm));
    notify_thread(vm, raw);
    return raw;
}

void wake(VM& vm, SimThread* t, Value result) {
    Scheduler& s = scheduler(vm);
    if (t->state != ThreadState::Blocked) return;
    t->delivered = std::move(result);
    make_ready(vm, s, t, virtual_clock(vm));
}

// One scheduling decision inside the blocking call of `me`: run the next thread that waits for
// the GIL, give it back to `me`, or let time pass until the next timed wait ends.
static bool schedule_one(VM& vm, Scheduler& s, SimThread* me) {
    charge_cpu(vm);
    wake_due(vm, s, virtual_clock(vm));
    for (auto it = s.ready.begin(); it != s.ready.end(); ++it) {
        SimThread* t = *it;
        if (t == me) {
            s.ready.erase(it);
            me->state = ThreadState::Running;
            if (s.last_switch < virtual_clock(vm) || s.switches == 0) s.last_switch = virtual_clock(vm);
            ++s.switches;
            notify_thread(vm, me);
            return true;
        }
        if (t->on_stack) continue;  // an outer thread: it continues once `me` returns
        s.ready.erase(it);
        return run_thread(vm, s, t);
    }
    double next = earliest_deadline(s);
    if (next == kNever) {
        for (SimThread* t : s.ready)
            if (t->on_stack) {
                raise(vm, vm.exc.RuntimeError,
                      fmt::format("Loop Lab cannot switch back to {} while {} blocks inside a native call", t->name, me->name));
                return false;
            }
        return deadlock(vm, me);
    }
    advance_clock(vm, next, me->id == 0 && me->waiting == "the event loop's wake-up");
    wake_due(vm, s, next);
    return true;
}

Value block(VM& vm, double deadline, int lock, std::string waiting) {
    Scheduler& s = scheduler(vm);
    SimThread* me = s.current;
    charge_cpu(vm);
    me->state = ThreadState::Blocked;
    me->wake_at = deadline;
    me->lock = lock;
    me->waiting = std::move(waiting);
    me->delivered = Value();
    me->order = ++s.order;
    if (lock >= 0) s.locks[static_cast<std::size_t>(lock)].waiters.push_back(me->id);
    notify_thread(vm, me);
    if (deadline <= virtual_clock(vm)) {
        // Nothing to wait for (a zero timeout): it keeps the GIL.
        wake_due(vm, s, virtual_clock(vm));
        s.ready.erase(std::remove(s.ready.begin(), s.ready.end(), me), s.ready.end());
        me->state = ThreadState::Running;
        return me->delivered;
    }
    // A thread running its own frames directly (not under a native call) just pauses them.
    if (me->id != 0 && vm.thread.native_depth == 0 && vm.current_budget == &me->budget) {
        me->budget.remaining = 0;
        me->budget.pausing = true;
        me->budget.yield_now = true;
        me->patch_result = true;
        return Value::none();
    }
    me->on_stack = true;
    while (me->state != ThreadState::Running) {
        if (!schedule_one(vm, s, me)) {
            me->on_stack = false;
            if (me->state != ThreadState::Running) {
                // Unwinding with an error: the thread is no longer waiting.
                s.ready.erase(std::remove(s.ready.begin(), s.ready.end(), me), s.ready.end());
                if (me->lock >= 0) {
                    auto& w = s.locks[static_cast<std::size_t>(me->lock)].waiters;
                    w.erase(std::remove(w.begin(), w.end(), me->id), w.end());
                }
                me->state = ThreadState::Running;
                me->wake_at = kNever;
                me->lock = -1;
            }
            return {};
        }
    }
    me->on_stack = false;
    set_step_cost(vm, s.step_cost);  // re-arm the alarm for the thread that runs again
    return me->delivered;
}

void charge_cpu(VM& vm) {
    Scheduler& s = scheduler(vm);
    if (s.step_cost <= 0) {
        s.charged_steps = vm.steps;
        return;
    }
    std::int64_t n = vm.steps - s.charged_steps;
    if (n <= 0) return;
    s.charged_steps = vm.steps;
    s.current->cpu_steps += static_cast<std::uint64_t>(n);
    virtual_clock(vm) += static_cast<double>(n) * s.step_cost;
}

static double switch_interval(VM& vm) {
    Value sys = vm.modules.as<Dict>()->get("sys");
    if (sys && is_type(sys, vm.types.module)) {
        Value v = sys.as<Module>()->globals()->get("_switchinterval");
        if (v && v.is_float()) return v.as_float();
    }
    return 0.005;
}

// When the running thread must drop the GIL: one switch interval after a waiter asked for it
// (or after the last switch, whichever is later), as CPython's forced switching does.
static double drop_deadline(VM& vm, const Scheduler& s) {
    double since = kNever;
    for (SimThread* t : s.ready) since = std::min(since, t->ready_since);
    if (since == kNever) return kNever;
    return std::max(since, s.last_switch) + switch_interval(vm);
}

void set_step_cost(VM& vm, double seconds_per_step) {
    Scheduler& s = scheduler(vm);
    charge_cpu(vm);
    s.step_cost = seconds_per_step;
    if (seconds_per_step <= 0) {
        vm.step_alarm = INT64_MAX;
        return;
    }
    vm.step_hook = step_alarm;
    double now = virtual_clock(vm);
    // Wake at the next thing that can happen: a timed wait ending, a forced GIL switch, and at
    // least every millisecond so that the clock other code reads stays fresh.
    double next = std::min({earliest_deadline(s), drop_deadline(vm, s), now + 0.001});
    double steps = std::ceil((next - now) / seconds_per_step);
    if (!(steps >= 1)) steps = 1;
    if (steps > 1e12) steps = 1e12;
    vm.step_alarm = vm.steps + static_cast<std::int64_t>(steps);
}

bool step_alarm(VM& vm) {
    Scheduler& s = scheduler(vm);
    if (s.step_cost <= 0) {
        vm.step_alarm = INT64_MAX;
        return true;
    }
    charge_cpu(vm);
    double now = virtual_clock(vm);
    wake_due(vm, s, now);
    SimThread* me = s.current;
    if (!s.ready.empty() && now >= drop_deadline(vm, s)) {
        // Forced switch: the running thread goes to the back of the GIL queue.
        me->state = ThreadState::Ready;
        me->ready_since = now;
        s.ready.push_back(me);
        s.last_switch = now;
        notify_thread(vm, me);
        if (me->id != 0 && vm.thread.native_depth == 0 && vm.current_budget == &me->budget) {
            me->budget.remaining = 0;  // the interpreter pauses right after this hook
            me->budget.pausing = true;
            vm.step_alarm = INT64_MAX;
            return true;
        }
        me->on_stack = true;
        while (me->state != ThreadState::Running) {
            if (!schedule_one(vm, s, me)) {
                me->on_stack = false;
                return false;
            }
        }
        me->on_stack = false;
    }
    set_step_cost(vm, s.step_cost);
    return true;
}

bool others_alive(VM& vm) {
    Scheduler& s = scheduler(vm);
    for (auto& t : s.threads)
        if (t.get() != s.current && t->state != ThreadState::Done) return true;
    return false;
}

}  // namespace ll::sim
