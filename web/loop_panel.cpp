// The LOOP column. Before a run there is nothing to show but the clock at its true starting value
// (the virtual clock starts at 0.0) and the empty structures the loop will fill.
#include "loop_panel.h"

#include "test_api.h"
#include "widgets.h"


namespace ll::web {
namespace {

void empty_section(const UiContext& ctx, const char* caption, const char* empty_text)
{
    section_caption(ctx, caption);
    ImGui::PushFont(ctx.fonts.mono);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(empty_text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();
}

} // namespace

void LoopPanel::draw(const UiContext& ctx, ImVec2 size)
{
    begin_panel(ctx, "Loop", "LOOP", size, "virtual time: no real waiting");
    const Palette& p = *ctx.palette;

    section_caption(ctx, "CLOCK");
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted("t = 0.0 s");
    test_api::note_last_item("t = 0.0 s##clock");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();

    empty_section(ctx, "RUNNING", "nothing");
    empty_section(ctx, "READY QUEUE", "empty");
    empty_section(ctx, "TIMERS", "none");
    section_caption(ctx, "TASKS");
    ImGui::Spacing();

    // Below the sections, what to do to fill them.
    empty_state(ctx, "Run the program to see the loop",
                "Each task appears here with its state (pending, ready, running, done) and the line "
                "where it is paused.");

    end_panel();
}

} // namespace ll::web
