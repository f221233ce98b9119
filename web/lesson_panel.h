// The LESSON column: prose now; later the lesson's Markdown, exercise cards and parameters.
#pragma once

#include "ui_context.h"

namespace ll::web {

class LessonPanel {
public:
    void draw(const UiContext& ctx, ImVec2 size);
};

} // namespace ll::web
