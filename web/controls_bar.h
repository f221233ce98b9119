// The bar under the columns: stepping and running controls, the tick counter and virtual time.
#pragma once

#include "session_runner.h"
#include "ui_context.h"

namespace ll::web {

enum class ControlAction { none, step_back, step_line, step_tick, step_iteration, run_to_end, reset, toggle_run };

class ControlsBar {
public:
    // Draws the bar and returns what the learner asked for (a button or its keyboard shortcut).
    // `running`: the animated run is on (the Run button reads Pause). `code_changed`: the editor
    // holds a program the session has not loaded (a press loads it first).
    ControlAction draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner, bool running, bool code_changed);
    // Ticks per second of the animated run (view state, the slider's value).
    float speed() const { return speed_; }

private:
    float speed_ = 4.0f;
};

} // namespace ll::web
