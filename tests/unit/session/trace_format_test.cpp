// Rendering the trace for the CLI: narrated ticks and JSON lines with escaping.
#include <doctest/doctest.h>

#include "engine/session/trace_format.hpp"

using namespace ll::session;

TEST_CASE("narration keeps tick-end lines; JSON lines escape text") {
    std::vector<TraceEvent> trace(3);
    trace[0].kind = TraceEvent::Kind::TaskState;
    trace[0].tick = 1;
    trace[0].task = 2;
    trace[0].state = TaskState::Pending;
    trace[0].detail = "Task-2 waits \"until\" t=1.0";
    trace[1].kind = TraceEvent::Kind::TickEnd;
    trace[1].tick = 1;
    trace[1].time = 0.5;
    trace[1].detail = "Task-2 awaited a future";
    trace[2].kind = TraceEvent::Kind::Print;
    trace[2].tick = 2;
    trace[2].time = 1.0;
    trace[2].detail = "a\tb";
    CHECK(narration_text(trace) == "tick 1 t=0.5  Task-2 awaited a future\n");
    CHECK(trace_json_lines(trace) ==
          "{\"tick\":1,\"time\":0.0,\"kind\":\"task_state\",\"task\":2,\"state\":\"pending\",\"detail\":\"Task-2 waits \\\"until\\\" t=1.0\"}\n"
          "{\"tick\":1,\"time\":0.5,\"kind\":\"tick_end\",\"task\":0,\"detail\":\"Task-2 awaited a future\"}\n"
          "{\"tick\":2,\"time\":1.0,\"kind\":\"print\",\"task\":0,\"detail\":\"a\\tb\"}\n");
}
