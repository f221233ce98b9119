// The CONSOLE area: program output, the plain-words narration of each tick, and warnings.
#pragma once

#include "session_runner.h"
#include "ui_context.h"

namespace ll::web {

class ConsolePanel {
public:
    void draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner);

private:
    enum class Tab { output, narration, warnings };
    Tab tab_ = Tab::output; // which view the learner chose
    std::size_t last_output_count_ = 0; // to follow new output (view state: scroll)
};

} // namespace ll::web
