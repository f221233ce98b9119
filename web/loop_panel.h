// The LOOP column: the virtual clock, what is running, the ready queue, timers and tasks.
#pragma once

#include "ui_context.h"

namespace ll::web {

class LoopPanel {
public:
    void draw(const UiContext& ctx, ImVec2 size);
};

} // namespace ll::web
