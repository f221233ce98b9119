// `looplab run --trace / --json FILE.py`: the program runs through the session, one tick at a
// time, and what each tick did is printed as it happens. --trace: the program's stdout stays on
// stdout; the narration goes to stderr, interleaved with the program's stderr, one line per tick
// ("tick 5 t=1.0  Task-2 awaited ..."). --json: stdout carries only the trace, one JSON object
// per event (the program's prints are in it as "print" events). The exit status is the plain
// run's.
#include <cstdio>
#include <string>
#include <vector>

#include "tools/looplab/trace_printer.hpp"

namespace ll::cli {

int run_traced(const RunOptions& options) {
    std::string source;
    int status = 0;
    if (!read_program(options.file, source, status)) return status;

    session::Session s;
    session::Limits limits;
    limits.tick_budget = options.budget;
    limits.memory_bytes = options.memory_mb << 20;
    s.set_limits(limits);
    s.set_cpu_cost(options.cpu_cost);

    TracePrinter printer(s, options);
    s.load(std::move(source), absolute_path(options.file));
    printer.flush_new_events();
    while (!s.finished()) {
        s.step_tick();
        printer.flush_new_events();
    }
    printer.flush_rest();
    std::fflush(stdout);

    const session::Snapshot& snap = s.snapshot();
    if (s.trace_truncated())
        std::fprintf(stderr, "looplab: the trace was cut short after %zu events\n", s.trace().size());
    if (snap.frozen) {
        std::fprintf(stderr, "looplab: stopped: %s (one tick used its whole budget of %lld: an endless loop?)\n",
                     snap.frozen->c_str(), static_cast<long long>(options.budget));
        return kExitStopped;
    }
    return snap.exit_status & 0xff;
}

}  // namespace ll::cli
