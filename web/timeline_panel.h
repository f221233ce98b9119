// The TIMELINE: one row per task over virtual time, coloured by state.
#pragma once

#include "ui_context.h"

namespace ll::web {

class TimelinePanel {
public:
    void draw(const UiContext& ctx, ImVec2 size);
};

} // namespace ll::web
