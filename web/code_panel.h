// The CODE column: the program's parameters as widgets, and the program in the code editor with
// the session's marks (running line, paused tasks' bookmarks, the error of a failed run).
#pragma once

#include "code_editor.h"
#include "engine/session/params.hpp"
#include "session_runner.h"
#include "ui_context.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ll::web {

// The learner moved a parameter's widget: the new literal for NAME.
struct ParamChange {
    std::string name;
    std::string literal;
};

class CodePanel {
public:
    CodePanel();
    std::optional<ParamChange> draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner);

    CodeEditor& editor() { return editor_; }
    const CodeEditor& editor() const { return editor_; }
    // Test hook: marks set by hand stay until the session next acts (generation moves on).
    void hold_marks(std::uint64_t generation) { marks_held_at_ = generation; }
    // The declarations in the editor's text (parsed again when the text changed).
    const std::vector<ll::session::ParamDecl>& params();

private:
    void update_marks(SessionRunner& runner);
    std::optional<ParamChange> draw_params(const UiContext& ctx);

    CodeEditor editor_;
    std::uint64_t params_version_ = ~0ull;
    std::vector<ll::session::ParamDecl> params_;
    std::uint64_t marks_held_at_ = ~0ull;
    std::map<std::string, double> dragging_; // a slider's value while it is held (view state)
};

} // namespace ll::web
