// Driving the session for the UI, and the session part of the browser test API.
#include "session_runner.h"

#include "test_api.h"

#include <fmt/format.h>

namespace ll::web {

using ll::session::OutputLine;
using ll::session::TaskOutcome;

bool SessionRunner::ensure_loaded(const std::string& code, std::uint64_t version)
{
    if (matches(version)) return false;
    load(code, version);
    return true;
}

void SessionRunner::load(const std::string& code, std::uint64_t version)
{
    session_.load(code, filename);
    ++generation_;
    loaded_ = true;
    loaded_version_ = version;
}

void SessionRunner::step(StepKind kind)
{
    if (!loaded_) return;
    ++generation_;
    switch (kind) {
    case StepKind::line: session_.step_line(); break;
    case StepKind::tick: session_.step_tick(); break;
    case StepKind::iteration: session_.step_iteration(); break;
    case StepKind::to_end: session_.run_to_end(); break;
    }
}

void SessionRunner::step_back()
{
    if (!loaded_) return;
    ++generation_;
    session_.step_back();
}

void SessionRunner::reset()
{
    if (!loaded_) return;
    ++generation_;
    session_.reset();
}

void SessionRunner::reload_to_same_tick(const std::string& code, std::uint64_t version)
{
    const std::int64_t tick = loaded_ ? session_.snapshot().tick : 0;
    load(code, version);
    // Each step_tick runs one callback (or one clock jump), so the tick count grows by one; the
    // guard stops a program that finishes earlier with the new value.
    while (!session_.finished() && session_.snapshot().tick < tick) {
        const std::int64_t before = session_.snapshot().tick;
        session_.step_tick();
        ++generation_;
        if (session_.snapshot().tick == before && !session_.finished()) break;
    }
}

namespace {

const char* outcome_name(TaskOutcome o)
{
    switch (o) {
    case TaskOutcome::None: return "";
    case TaskOutcome::Result: return "result";
    case TaskOutcome::Exception: return "exception";
    case TaskOutcome::Cancelled: return "cancelled";
    }
    return "";
}

const char* stream_name(OutputLine::Stream s)
{
    switch (s) {
    case OutputLine::Stream::Stdout: return "stdout";
    case OutputLine::Stream::Stderr: return "stderr";
    case OutputLine::Stream::Warning: return "warning";
    }
    return "";
}

} // namespace

void SessionRunner::append_test_json(std::string& out)
{
    if (!loaded_) {
        out += "{\"loaded\":false}";
        return;
    }
    const ll::session::Snapshot& s = session_.snapshot();
    out += fmt::format("{{\"loaded\":true,\"clock\":{},\"tick\":{},\"iteration\":{},\"finished\":{},\"exitStatus\":{},"
                       "\"runningTask\":{},\"currentLine\":{},\"ready\":{},\"timers\":{},\"tasks\":[",
                       s.clock, s.tick, s.iteration, s.finished ? "true" : "false", s.exit_status, s.running_task,
                       s.current_line, s.ready.size(), s.timers.size());
    bool first = true;
    for (const ll::session::TaskView& t : s.tasks) {
        if (!first) out += ',';
        first = false;
        out += fmt::format("{{\"id\":{},\"name\":", t.id);
        test_api::append_json_string(out, t.name);
        out += ",\"coro\":";
        test_api::append_json_string(out, t.coro);
        out += fmt::format(",\"state\":\"{}\",\"outcome\":\"{}\",\"internal\":{},\"result\":", ll::session::to_string(t.state),
                           outcome_name(t.outcome), t.internal ? "true" : "false");
        test_api::append_json_string(out, t.outcome_repr);
        out += fmt::format(",\"createdBy\":{},\"createdLine\":{},\"awaitedBy\":{},\"awaitedVia\":", t.created_by, t.created_line, t.awaited_by);
        test_api::append_json_string(out, t.awaited_via);
        out += fmt::format(",\"cancelledBy\":{},\"cancelReason\":", t.cancelled_by);
        test_api::append_json_string(out, t.cancel_reason);
        out += '}';
    }
    out += "],\"output\":[";
    first = true;
    for (const OutputLine& line : s.output) {
        if (!first) out += ',';
        first = false;
        out += fmt::format("{{\"stream\":\"{}\",\"text\":", stream_name(line.stream));
        test_api::append_json_string(out, line.text);
        out += '}';
    }
    out += "],\"hints\":[";
    first = true;
    for (const ll::session::Hint& h : s.hints) {
        if (!first) out += ',';
        first = false;
        out += fmt::format("{{\"kind\":\"{}\",\"line\":{},\"task\":{},\"count\":{},\"message\":", ll::session::to_string(h.kind), h.line, h.task, h.count);
        test_api::append_json_string(out, h.message);
        out += '}';
    }
    out += "],\"stdout\":";
    test_api::append_json_string(out, session_.output_text(OutputLine::Stream::Stdout));
    out += ",\"stderr\":";
    test_api::append_json_string(out, session_.output_text(OutputLine::Stream::Stderr));
    out += fmt::format(",\"traceEvents\":{}}}", session_.trace().size());
}

} // namespace ll::web
