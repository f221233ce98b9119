// The trace as text for `looplab run --trace` (one narrated line per tick) and `--json` (one
// JSON object per event).
#pragma once

#include <string>
#include <vector>

#include "engine/session/snapshot.hpp"

namespace ll::session {

// "tick 5 t=1.0  Task-2 awaited `asyncio.sleep(d)` at line 3: it waits until t=2.0 (pending)\n"
std::string narration_text(const std::vector<TraceEvent>& trace);

// {"tick":5,"time":1.0,"kind":"task_state","task":2,"state":"pending","detail":"..."}\n per event.
std::string trace_json_lines(const std::vector<TraceEvent>& trace);

}  // namespace ll::session
