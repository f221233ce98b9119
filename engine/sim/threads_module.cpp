// The `_looplab_threads` native module: what threading.py and concurrent/futures.py cannot write
// in Python (starting a thread, locks that block, the thread's identity) and the switches of the
// CPU cost model. Everything blocking goes through the scheduler (scheduler.cpp).
#include <cmath>

#include "engine/sim/scheduler.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::sim {

using namespace ll::vm;

namespace {

// The simulated computer's cores (os.cpu_count()): the default executor has min(32, 2 + 4) workers.
constexpr int kCpuCount = 2;
// threading.TIMEOUT_MAX, as CPython has it on Linux.
constexpr double kTimeoutMax = 9223372036.0;

bool arity(VM& vm, const Args& a, std::string_view name, std::size_t lo, std::size_t hi) {
    return lib::no_kwargs(vm, a, name) && lib::check_range(vm, a.size(), name, lo, hi);
}

bool lock_id(VM& vm, const Value& v, std::size_t& out) {
    std::int64_t n;
    if (!to_int64(v, n) || n < 0 || static_cast<std::size_t>(n) >= scheduler(vm).locks.size()) {
        raise(vm, vm.exc.ValueError, "not a lock of this program");
        return false;
    }
    out = static_cast<std::size_t>(n);
    return true;
}

Value m_start(VM& vm, Args a) {
    if (!arity(vm, a, "start_new_thread", 4, 4)) return {};
    if (!is_str(a[2]) || !is_str(a[3])) return raise(vm, vm.exc.TypeError, "start_new_thread(func, args, name: str, target: str)");
    SimThread* t = spawn(vm, a[0], a[1], std::string(str_view(a[2])), std::string(str_view(a[3])));
    if (!t) return {};
    return Value::integer(t->ident);
}

Value m_get_ident(VM& vm, Args a) {
    if (!arity(vm, a, "get_ident", 0, 0)) return {};
    return Value::integer(scheduler(vm).current->ident);
}

Value m_main_ident(VM& vm, Args a) {
    if (!arity(vm, a, "main_ident", 0, 0)) return {};
    return Value::integer(scheduler(vm).threads.front()->ident);
}

Value m_set_name(VM& vm, Args a) {
    if (!arity(vm, a, "set_name", 2, 2)) return {};
    std::int64_t ident;
    if (!to_int64(a[0], ident) || !is_str(a[1])) return raise(vm, vm.exc.TypeError, "set_name(ident: int, name: str)");
    for (auto& t : scheduler(vm).threads)
        if (t->ident == ident) t->name = std::string(str_view(a[1]));
    return Value::none();
}

Value m_allocate_lock(VM& vm, Args a) {
    if (!arity(vm, a, "allocate_lock", 0, 0)) return {};
    Scheduler& s = scheduler(vm);
    s.locks.emplace_back();
    return Value::integer(static_cast<std::int64_t>(s.locks.size() - 1));
}

// acquire(lock, blocking, timeout): CPython's Lock.acquire rules and messages.
Value m_acquire(VM& vm, Args a) {
    if (!arity(vm, a, "acquire", 3, 3)) return {};
    std::size_t id;
    if (!lock_id(vm, a[0], id)) return {};
    int blocking = truthy(vm, a[1]);
    if (blocking < 0) return {};
    double timeout;
    if (!to_double(vm, a[2], timeout)) return {};
    if (!blocking && timeout != -1) return raise(vm, vm.exc.ValueError, "can't specify a timeout for a non-blocking call");
    if (timeout < 0 && timeout != -1) return raise(vm, vm.exc.ValueError, "timeout value must be a non-negative number");
    if (timeout > kTimeoutMax) return raise(vm, vm.exc.OverflowError, "timeout value is too large");
    Scheduler& s = scheduler(vm);
    SimLock& lock = s.locks[id];
    if (!lock.locked) {
        lock.locked = true;
        return Value::boolean(true);
    }
    if (!blocking || timeout == 0) return Value::boolean(false);
    double deadline = timeout < 0 ? kNever : virtual_clock(vm) + timeout;
    return block(vm, deadline, static_cast<int>(id), "a lock");
}

// acquire_until(lock, deadline or None): the event loop's wait for its wake-up (an exact
// deadline, the earliest timer, so the clock lands on it without rounding).
Value m_acquire_until(VM& vm, Args a) {
    if (!arity(vm, a, "acquire_until", 2, 2)) return {};
    std::size_t id;
    if (!lock_id(vm, a[0], id)) return {};
    double deadline = kNever;
    if (!a[1].is_none() && !to_double(vm, a[1], deadline)) return {};
    Scheduler& s = scheduler(vm);
    SimLock& lock = s.locks[id];
    if (!lock.locked) {
        lock.locked = true;
        return Value::boolean(true);
    }
    return block(vm, deadline, static_cast<int>(id), "the event loop's wake-up");
}

Value m_release(VM& vm, Args a) {
    if (!arity(vm, a, "release", 1, 1)) return {};
    std::size_t id;
    if (!lock_id(vm, a[0], id)) return {};
    Scheduler& s = scheduler(vm);
    SimLock& lock = s.locks[id];
    if (!lock.locked) return raise(vm, vm.exc.RuntimeError, "release unlocked lock");
    if (lock.waiters.empty()) {
        lock.locked = false;
        return Value::none();
    }
    // Handed to the first waiter: it owns the lock when it next gets the GIL.
    int next = lock.waiters.front();
    lock.waiters.pop_front();
    wake(vm, s.threads[static_cast<std::size_t>(next)].get(), Value::boolean(true));
    return Value::none();
}

Value m_locked(VM& vm, Args a) {
    if (!arity(vm, a, "locked", 1, 1)) return {};
    std::size_t id;
    if (!lock_id(vm, a[0], id)) return {};
    return Value::boolean(scheduler(vm).locks[id].locked);
}

Value m_others_alive(VM& vm, Args a) {
    if (!arity(vm, a, "others_alive", 0, 0)) return {};
    return Value::boolean(others_alive(vm));
}

Value m_cpu_count(VM& vm, Args a) {
    if (!arity(vm, a, "cpu_count", 0, 0)) return {};
    return Value::integer(kCpuCount);
}

Value m_set_cpu_cost(VM& vm, Args a) {
    if (!arity(vm, a, "set_cpu_cost", 1, 1)) return {};
    double cost;
    if (!to_double(vm, a[0], cost)) return {};
    if (!(cost >= 0) || std::isinf(cost)) return raise(vm, vm.exc.ValueError, "the cost of a step must be a finite number of seconds >= 0");
    set_cpu_cost(vm, cost);
    return Value::none();
}

Value m_cpu_cost(VM& vm, Args a) {
    if (!arity(vm, a, "cpu_cost", 0, 0)) return {};
    return Value::number(scheduler(vm).step_cost);
}

}  // namespace

bool init_threads_module(VM& vm, Module* m) {
    def_function(vm, m, "start_new_thread", m_start);
    def_function(vm, m, "get_ident", m_get_ident);
    def_function(vm, m, "main_ident", m_main_ident);
    def_function(vm, m, "set_name", m_set_name);
    def_function(vm, m, "allocate_lock", m_allocate_lock);
    def_function(vm, m, "acquire", m_acquire);
    def_function(vm, m, "acquire_until", m_acquire_until);
    def_function(vm, m, "release", m_release);
    def_function(vm, m, "locked", m_locked);
    def_function(vm, m, "others_alive", m_others_alive);
    def_function(vm, m, "cpu_count", m_cpu_count);
    def_function(vm, m, "set_cpu_cost", m_set_cpu_cost);
    def_function(vm, m, "cpu_cost", m_cpu_cost);
    def_value(vm, m, "TIMEOUT_MAX", Value::number(kTimeoutMax));
    return true;
}

}  // namespace ll::sim
