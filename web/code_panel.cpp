// The CODE column: a header with the file name and where the caret is, and the editor below.
#include "code_panel.h"

#include "starter_program.h"
#include "widgets.h"

#include <fmt/format.h>

namespace ll::web {

CodePanel::CodePanel() : editor_(starter_program) {}

void CodePanel::draw(const UiContext& ctx, ImVec2 size)
{
    const TextDocument& doc = editor_.document();
    std::string note;
    if (editor_.focused()) {
        const TextPos caret = editor_.selection().caret;
        const int col = utf8_char_count(std::string_view(doc.line(caret.line)).substr(0, static_cast<std::size_t>(caret.col)));
        note = fmt::format("playground.py \xC2\xB7 Ln {}, Col {}", caret.line + 1, col + 1);
    } else {
        note = fmt::format("playground.py \xC2\xB7 {} lines", doc.line_count());
    }
    begin_panel(ctx, "Code", "CODE", size, note, false);
    editor_.draw(ctx, "##editor", ImGui::GetContentRegionAvail());
    end_panel();
}

} // namespace ll::web
