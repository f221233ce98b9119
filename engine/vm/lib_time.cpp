// The time module on the VM's virtual clock (lib_state.hpp): time(), monotonic(), perf_counter()
// read it; sleep(x) advances it by x (the whole program is frozen meanwhile, as in CPython), or,
// with engine/sim installed, blocks the calling simulated thread while the others run.
#include <cmath>

#include "engine/vm/builtins_util.hpp"
#include "engine/vm/lib_state.hpp"

namespace ll::vm::lib {

namespace {

void sync(VM& vm) {
    LibState& st = lib_state(vm);
    if (st.sync_clock) st.sync_clock(vm);
}

Value t_now(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "time") || !check_none(vm, a.size(), "time")) return {};
    sync(vm);
    return Value::number(virtual_clock(vm));
}

Value t_now_ns(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "time_ns") || !check_none(vm, a.size(), "time_ns")) return {};
    sync(vm);
    return Value::integer(static_cast<std::int64_t>(std::llround(virtual_clock(vm) * 1e9)));
}

Value t_sleep(VM& vm, Args a) {
    if (!no_kwargs(vm, a, "sleep") || !check_one(vm, a.size(), "time.sleep")) return {};
    double secs;
    if (a[0].is_float()) {
        secs = a[0].as_float();
        if (std::isnan(secs)) return raise(vm, vm.exc.ValueError, "Invalid value NaN (not a number)");
    } else if (is_int(a[0])) {
        if (!to_double(vm, a[0], secs)) return {};
    } else {
        std::int64_t ignored;
        if (!index_int64(vm, a[0], ignored)) return {};
        secs = static_cast<double>(ignored);
    }
    if (secs < 0) return raise(vm, vm.exc.ValueError, "sleep length must be non-negative");
    LibState& st = lib_state(vm);
    if (st.sleep_hook) return st.sleep_hook(vm, secs) ? Value::none() : Value();
    st.clock += secs;
    if (st.on_blocking_sleep && !st.on_blocking_sleep(vm, secs)) return {};
    return Value::none();
}

}  // namespace

bool init_time(VM& vm, Module* m) {
    def_function(vm, m, "time", t_now);
    def_function(vm, m, "monotonic", t_now);
    def_function(vm, m, "perf_counter", t_now);
    def_function(vm, m, "process_time", t_now);
    def_function(vm, m, "time_ns", t_now_ns);
    def_function(vm, m, "monotonic_ns", t_now_ns);
    def_function(vm, m, "perf_counter_ns", t_now_ns);
    def_function(vm, m, "sleep", t_sleep);
    return true;
}

}  // namespace ll::vm::lib
