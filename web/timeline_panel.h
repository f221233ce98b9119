// The TIMELINE: one row per task over virtual time, coloured by state from the session's trace.
#pragma once

#include "engine/session/snapshot.hpp"
#include "session_runner.h"
#include "ui_context.h"

#include <string>
#include <vector>

namespace ll::web {

class TimelinePanel {
public:
    void draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner);

private:
    // A task's row, derived from the trace (rebuilt when the session's generation moves).
    struct Row {
        int task = 0;
        std::string label;
        bool internal = false;
        std::vector<std::pair<double, ll::session::TaskState>> changes; // time, new state
        std::vector<std::pair<double, std::string>> prints;             // time, printed text
    };
    void rebuild(SessionRunner& runner);

    std::vector<Row> rows_;
    double last_event_time_ = 0;
    std::uint64_t built_generation_ = ~0ull;
    // View state: seconds per visible width relative to "fit", and the left edge in seconds.
    float zoom_ = 1.0f;
    double pan_ = 0.0;
};

} // namespace ll::web
