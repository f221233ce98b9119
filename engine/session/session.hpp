// The session: the one API the UI, the CLI and the tests use to run a program on the simulated
// event loop. Load a program with parameter values, step it (line, tick, iteration, until a
// time, to the end), reset, and read plain-data snapshots and the trace. Deterministic: the same
// program and parameters always give the same ticks.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/session/params.hpp"
#include "engine/session/snapshot.hpp"

namespace ll::session {

// Guards for untrusted code.
struct Limits {
    // Calls + backward jumps one tick may make: a runaway loop is stopped and reported as frozen.
    std::int64_t tick_budget = 5'000'000;
    std::size_t memory_bytes = std::size_t{256} << 20;  // beyond it: MemoryError
    // Trace events kept (a million handles make several million events): later ones are dropped
    // and trace_truncated() says so; counters, snapshots and output are unaffected.
    std::size_t max_trace_events = 2'000'000;
};

class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void set_limits(const Limits& limits);
    // The CPU cost model (engine/sim) for the next load()/reset(): virtual seconds per step (a
    // call or a loop iteration); 0, the default, keeps computing free as under CPython's oracle.
    void set_cpu_cost(double seconds_per_step);

    // Loads a program. Its `# param:` declarations are parsed (params()), `values` replaces their
    // literals, and the program runs up to its first tick (the loop about to run its first
    // callback), or to its end if it never starts a loop. False when it could not start (a
    // SyntaxError: the traceback is in the output, exit_status is 1).
    bool load(std::string source, std::string filename = "main.py", std::map<std::string, std::string> values = {});
    // The same program and parameters, from the start.
    void reset();

    // Each call does nothing once the program has finished.
    // Until the learner's code stands on a new line, inside a task's coroutine too (awaits and
    // awaited coroutines included), or the tick ends. Any mix of steps is deterministic.
    void step_line();
    void step_tick();       // one callback run by the loop, or one jump of the idle clock
    void step_iteration();  // the rest of the current pass of the loop
    void run_until(double t);  // until the clock reaches t (stops before a jump past t)
    void run_to_end();
    // Back to where the previous step_tick would have left the program: the session is
    // deterministic, so it replays the same program from its start. Nothing happens at tick 0.
    // The cost is a run from the start to here (a program's trace is replayed, not stored).
    void step_back();

    // Notebook mode (engine/session/NOTEBOOK.md): an event loop that is already running, as in
    // Jupyter; cells run one after another against shared globals, inside the notebook's task
    // (Task-1), with top-level `await`. A cell's last expression is shown as "Out[N]: repr".
    // Every step above works inside cells; reset() restarts the notebook with no cell run.
    void open_notebook(std::string filename = "notebook.py");
    // Queues a cell whose first line is line `first_line` of `filename` (tracebacks and warnings
    // name that line); the next steps run it.
    void submit_cell(std::string source, int first_line = 1);
    // submit_cell + run_until_next_cell.
    void run_cell(std::string source, int first_line = 1);
    // Runs the queued cells, then what is ready between cells, until the notebook waits for
    // the next cell.
    void run_until_next_cell();
    // No more cells: the loop shuts down as asyncio.run does (pending tasks are cancelled) and
    // the run ends; the exit status is 1 when a cell failed, else 0.
    void close_notebook();
    bool is_notebook() const;
    bool waiting_for_cell() const;  // the notebook is idle: every submitted cell has run
    int cells_run() const;          // cells taken so far (the N of the last Out[N])

    const Snapshot& snapshot();
    const std::vector<TraceEvent>& trace() const;
    bool trace_truncated() const;
    std::vector<std::string> narration() const;  // one plain-words line per tick
    const std::vector<ParamDecl>& params() const;
    const std::string& source() const;  // after parameter substitution
    std::string output_text(OutputLine::Stream stream) const;
    bool finished() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace ll::session
