// `looplab run --trace / --json FILE.py`: the program runs through the session, one tick at a
// time, and what each tick did is printed as it happens. --trace: the program's stdout stays on
// stdout; the narration goes to stderr, interleaved with the program's stderr, one line per tick
// ("tick 5 t=1.0  Task-2 awaited ..."). --json: stdout carries only the trace, one JSON object
// per event (the program's prints are in it as "print" events). The exit status is the plain
// run's.
#include <cstdio>
#include <string>
#include <vector>

#include "engine/session/session.hpp"
#include "engine/session/trace_format.hpp"
#include "tools/looplab/cli.hpp"

namespace ll::cli {

namespace {

using session::OutputLine;
using session::TraceEvent;

void put(std::FILE* f, const std::string& text) {
    if (!text.empty()) std::fwrite(text.data(), 1, text.size(), f);
}

// Prints the trace events that are new since the last call, in their order.
class TracePrinter {
public:
    TracePrinter(const session::Session& s, const RunOptions& o) : session_(s), options_(o) {}

    void flush_new_events() {
        const auto& trace = session_.trace();
        if (next_ >= trace.size()) return;
        if (options_.json) {
            std::vector<TraceEvent> fresh(trace.begin() + static_cast<std::ptrdiff_t>(next_), trace.end());
            put(stdout, session::trace_json_lines(fresh));
        }
        for (; next_ < trace.size(); ++next_) {
            const TraceEvent& e = trace[next_];
            switch (e.kind) {
                case TraceEvent::Kind::Print:
                    // One event per complete line of output.
                    if (!options_.json) put(stdout, e.detail + "\n");
                    stdout_done_ += e.detail.size() + 1;
                    break;
                case TraceEvent::Kind::Warning:
                case TraceEvent::Kind::Exception:
                    put_stderr(e.detail + "\n");
                    stderr_done_ += e.detail.size() + 1;
                    break;
                case TraceEvent::Kind::TickEnd:
                case TraceEvent::Kind::Thread:
                    if (options_.trace) put_stderr(session::narration_text({e}));
                    break;
                default:
                    break;
            }
        }
    }

    // What the events did not carry: a last line without a newline, or everything after the
    // trace was truncated.
    void flush_rest() {
        std::string out = session_.output_text(OutputLine::Stream::Stdout);
        std::string err = session_.output_text(OutputLine::Stream::Stderr);
        if (!options_.json && out.size() > stdout_done_) put(stdout, out.substr(stdout_done_));
        if (err.size() > stderr_done_) put_stderr(err.substr(stderr_done_));
        stdout_done_ = out.size();
        stderr_done_ = err.size();
    }

private:
    // stdout first, so that a terminal shows both streams in the order things happened.
    static void put_stderr(const std::string& text) {
        std::fflush(stdout);
        put(stderr, text);
        std::fflush(stderr);
    }

    const session::Session& session_;
    const RunOptions& options_;
    std::size_t next_ = 0;
    std::size_t stdout_done_ = 0;
    std::size_t stderr_done_ = 0;
};

}  // namespace

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
