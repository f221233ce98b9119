// The CONSOLE area: program output, the plain-words narration of each tick, and warnings.
#pragma once

#include "ui_context.h"

namespace ll::web {

class ConsolePanel {
public:
    void draw(const UiContext& ctx, ImVec2 size);

private:
    enum class Tab { output, narration, warnings };
    Tab tab_ = Tab::output; // which view the learner chose
};

} // namespace ll::web
