// Runs a program the way `looplab run` does (asyncio prelude + simulated threads installed),
// capturing stdout and stderr, for the engine/sim tests.
#pragma once

#include <string>

#include "engine/aio/aio.hpp"
#include "engine/sim/sim.hpp"
#include "engine/vm/ops.hpp"
#include "engine/vm/vm.hpp"

struct SimRun {
    std::string out, err;
    bool ok = false;  // the main program and the threads it waited for raised nothing
};

inline SimRun run_sim(const std::string& source, double cpu_cost = 0) {
    SimRun r;
    ll::vm::VM vm;
    ll::aio::install(vm);
    ll::sim::install(vm);
    if (cpu_cost > 0) ll::sim::set_cpu_cost(vm, cpu_cost);
    vm.write_stdout = [&](std::string_view s) { r.out.append(s); };
    vm.write_stderr = [&](std::string_view s) { r.err.append(s); };
    ll::vm::Value frame;
    ll::vm::Value mod = ll::vm::compile_main(vm, source, "/prog.py", frame);
    if (!mod) {
        ll::vm::print_exception(vm, ll::vm::take_error(vm));
        return r;
    }
    ll::vm::Budget budget;
    budget.remaining = 50'000'000;
    ll::vm::Value result;
    ll::vm::Exit e = ll::vm::run(vm, frame.as<ll::vm::Frame>(), budget, result);
    if (e == ll::vm::Exit::Returned && ll::sim::finish_main(vm)) {
        r.ok = true;
    } else if (ll::vm::has_error(vm)) {
        ll::vm::print_exception(vm, ll::vm::take_error(vm));
    }
    vm.modules.as<ll::vm::Dict>()->clear();
    return r;
}
