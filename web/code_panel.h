// The CODE column: an editable program with line numbers.
#pragma once

#include "ui_context.h"

#include <string>

namespace ll::web {

class CodePanel {
public:
    CodePanel();
    void draw(const UiContext& ctx, ImVec2 size);

    const std::string& text() const { return text_; }
    int line_count() const { return line_count_; }
    bool editing() const { return editing_; }

private:
    void recount_lines();

    std::string text_;
    int line_count_ = 1;
    int cursor_line_ = 0;      // 0-based line of the text cursor, to keep it in view
    int followed_line_ = -1;   // the cursor line we last scrolled to
    bool editing_ = false;     // the editor has keyboard focus
};

} // namespace ll::web
