// The LOOP column: the virtual clock, what is running, the ready queue, timers and the task board.
#pragma once

#include "session_runner.h"
#include "task_board.h"
#include "ui_context.h"

namespace ll::web {

class LoopPanel {
public:
    void draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner);

private:
    TaskBoard board_;
};

} // namespace ll::web
