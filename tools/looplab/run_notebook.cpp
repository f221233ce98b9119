// `looplab notebook FILE.py`: runs a file of `# %%` cells the way Jupyter runs a notebook, in an
// event loop that is already running (engine/session/NOTEBOOK.md): each cell's output, then
// "Out[N]: repr" for a last expression that is not None; a failing cell prints its traceback and
// the next cell runs. The exit status is 1 when a cell failed, else 0 (3: stopped).
#include <cstdio>
#include <string>

#include "engine/session/notebook_cells.hpp"
#include "tools/looplab/trace_printer.hpp"

namespace ll::cli {

int run_notebook(const RunOptions& options) {
    std::string text;
    int status = 0;
    if (!read_program(options.file, text, status)) return status;

    session::Session s;
    session::Limits limits;
    limits.tick_budget = options.budget;
    limits.memory_bytes = options.memory_mb << 20;
    s.set_limits(limits);
    s.set_cpu_cost(options.cpu_cost);

    TracePrinter printer(s, options);
    s.open_notebook(absolute_path(options.file));
    printer.flush_new_events();
    for (const session::CellText& cell : session::split_cells(text)) {
        if (s.finished()) break;
        s.run_cell(cell.source, cell.first_line);
        printer.flush_new_events();
    }
    s.close_notebook();
    printer.flush_new_events();
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
