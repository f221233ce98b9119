// Prints a session's output and trace as it grows: what `looplab run --trace/--json` and
// `looplab notebook` share. The program's prints go to stdout, its warnings and tracebacks to
// stderr; with --trace the narration goes to stderr too, with --json the trace to stdout.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "engine/session/session.hpp"
#include "engine/session/trace_format.hpp"
#include "tools/looplab/cli.hpp"

namespace ll::cli {

using session::OutputLine;
using session::TraceEvent;

inline void put(std::FILE* f, const std::string& text) {
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
                case TraceEvent::Kind::Exception: {
                    // The stderr written so far, not the event's text: a logged exception is an
                    // event of its own besides the lines it writes ("Task exception was never
                    // retrieved" would show twice).
                    std::string err = session_.output_text(OutputLine::Stream::Stderr);
                    if (err.size() > stderr_done_) put_stderr(err.substr(stderr_done_));
                    stderr_done_ = err.size();
                    break;
                }
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

}  // namespace ll::cli
