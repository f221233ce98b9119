// The CODE column: the program being edited, in the code editor.
#pragma once

#include "code_editor.h"
#include "ui_context.h"

#include <string>

namespace ll::web {

class CodePanel {
public:
    CodePanel();
    void draw(const UiContext& ctx, ImVec2 size);

    CodeEditor& editor() { return editor_; }
    const CodeEditor& editor() const { return editor_; }

private:
    CodeEditor editor_;
};

} // namespace ll::web
