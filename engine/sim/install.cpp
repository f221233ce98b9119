// ll::sim::install: gives a VM `threading`, `concurrent.futures` and `looplab` (embedded Python
// over the `_looplab_threads` native module) and routes time.sleep through the scheduler.
#include "engine/sim/python_sources.hpp"
#include "engine/sim/scheduler.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/lib_state.hpp"
#include "engine/vm/ops.hpp"

namespace ll::sim {

using namespace ll::vm;

bool init_threads_module(VM& vm, Module* m);  // threads_module.cpp

void install(VM& vm) {
    reset_scheduler(vm);
    for (const aio::PreludeModule& m : python_modules()) vm.register_source_module(m.name, m.filename, m.source);
    vm.register_native_module("_looplab_threads", init_threads_module);
    vm.step_hook = step_alarm;
    lib::LibState& st = lib::lib_state(vm);
    st.sleep_hook = [](VM& v, double seconds) {
        return static_cast<bool>(block(v, virtual_clock(v) + seconds, -1, "time.sleep"));
    };
    st.sync_clock = [](VM& v) { charge_cpu(v); };
}

void set_cpu_cost(VM& vm, double seconds_per_step) { set_step_cost(vm, seconds_per_step); }

bool finish_main(VM& vm) {
    // Only a program that imported threading can have threads to wait for.
    Value threading = vm.modules.as<Dict>()->get("threading");
    if (!threading || !is_type(threading, vm.types.module) || !others_alive(vm)) return true;
    Value shutdown = threading.as<Module>()->globals()->get("_shutdown");
    if (!shutdown) return true;
    return static_cast<bool>(call(vm, shutdown, {}));
}

}  // namespace ll::sim
