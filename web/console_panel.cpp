// The CONSOLE area, with three views the learner switches between. All are empty until a run.
#include "console_panel.h"

#include "test_api.h"
#include "widgets.h"

namespace ll::web {

void ConsolePanel::draw(const UiContext& ctx, ImVec2 size)
{
    begin_panel(ctx, "Console", "CONSOLE", size);

    // The view switch: plain text for the unselected views, a filled chip for the chosen one.
    const Palette& p = *ctx.palette;
    struct Choice {
        Tab tab;
        const char* label;
    };
    const Choice choices[] = {
        {Tab::output, "Output"}, {Tab::narration, "What just happened"}, {Tab::warnings, "Warnings"}};
    for (const Choice& c : choices) {
        const bool selected = tab_ == c.tab;
        ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.text : p.text_muted);
        ImGui::PushStyleColor(ImGuiCol_Button, selected ? ImGui::GetStyleColorVec4(ImGuiCol_Button) : ImVec4(0, 0, 0, 0));
        if (ImGui::SmallButton(c.label)) {
            tab_ = c.tab;
        }
        ImGui::PopStyleColor(2);
        ImGui::SameLine();
    }
    ImGui::NewLine();

    switch (tab_) {
    case Tab::output:
        empty_state(ctx, "No output yet", "What the program prints appears here, stamped with virtual time.");
        break;
    case Tab::narration:
        empty_state(ctx, "Nothing has happened yet",
                    "Each tick is told here in plain words: which task ran, what it waited on, what woke up.");
        break;
    case Tab::warnings:
        empty_state(ctx, "No warnings",
                    "asyncio's warnings (a coroutine never awaited, a task destroyed while pending) appear here.");
        break;
    }
    end_panel();
}

} // namespace ll::web
