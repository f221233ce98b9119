// The TIMELINE: one row per simulated thread and per task over virtual time, coloured by state
// from the session's trace.
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
    // A task's or a simulated thread's row, derived from the trace (rebuilt when the session's
    // generation moves). A thread's states read as a task's: running holds the GIL, ready waits
    // for it, pending is blocked (a lock, time.sleep, a queue), done has ended.
    struct Row {
        int task = 0;   // the task's id, or 0 for a thread row
        int thread = 0; // the thread's row in the trace (1: MainThread), or 0 for a task row
        std::string label;
        bool internal = false;
        std::vector<std::pair<double, ll::session::TaskState>> changes; // time, new state
        std::vector<std::string> change_details;                       // thread rows: each change in words
        std::vector<std::pair<double, std::string>> prints;             // time, printed text
    };
    void rebuild(SessionRunner& runner);
    // Draws one row's bars and markers inside [y0, y0 + row_h); returns the tooltip if hovered.
    struct RowGeometry {
        float y0, row_h, plot_x0, plot_x1;
        double t0, span, clock;
        bool hovered;
        ImVec2 mouse;
    };
    void draw_row(const UiContext& ctx, const Row& row, const RowGeometry& g, std::string& tooltip);

    std::vector<Row> rows_;
    double last_event_time_ = 0;
    std::uint64_t built_generation_ = ~0ull;
    std::size_t thread_rows_ = 0;    // rows_ starts with the thread rows (shown above the tasks)
    int drawn_rects_ = 0;            // bars drawn last frame (merged and clipped), for the tests
    bool registered_ = false;
    std::string tooltip_;    // the last frame's tooltip, and its geometry (y0: the first row's top)
    RowGeometry geometry_{};
    // View state: seconds per visible width relative to "fit", and the left edge in seconds.
    float zoom_ = 1.0f;
    double pan_ = 0.0;
};

} // namespace ll::web
