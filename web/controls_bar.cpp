// The controls bar: each button asks the session to act; the status on the right reads the
// session's snapshot (tick and virtual clock) every frame.
#include "controls_bar.h"

#include "test_api.h"
#include "time_text.h"
#include "widgets.h"

#include <fmt/format.h>

#include <algorithm>

namespace ll::web {
namespace {

// A button with its shortcut in the tooltip; true when clicked.
bool control_button(const char* label, const char* tip, bool enabled)
{
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("%s", tip);
    }
    return pressed;
}

} // namespace

ControlAction ControlsBar::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner, bool running, bool code_changed)
{
    ImGui::BeginChild("Controls", size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float pad = ctx.font_size * 0.9f;
    const float y = (size.y - ImGui::GetFrameHeight()) * 0.5f;
    ImGui::SetCursorPos(ImVec2(pad, y));

    // Stepping is possible until the program has ended; an edited program can always be run
    // (pressing loads it first).
    const bool can_step = code_changed || !runner.finished();
    ControlAction action = ControlAction::none;
    // Back is possible once the loaded program has moved (an edited program starts at tick 0).
    const bool can_back = !code_changed && runner.loaded() && (runner.snapshot().tick > 0 || runner.finished());
    if (control_button("\xE2\x97\x80 Step back", "Go back one tick: the program is replayed from its start to the previous tick (Shift+F7)", can_back)) {
        action = ControlAction::step_back;
    }
    ImGui::SameLine();
    if (control_button("Step line", "Run until the current line changes (F6)", can_step)) action = ControlAction::step_line;
    ImGui::SameLine();
    if (control_button("Step tick", "Run one callback of the loop, or one jump of the idle clock (F7)", can_step)) action = ControlAction::step_tick;
    ImGui::SameLine();
    if (control_button("Step iteration", "Run the rest of the loop's current pass (F8)", can_step)) action = ControlAction::step_iteration;
    ImGui::SameLine(0, ctx.font_size * 1.2f);
    if (control_button(running ? "Pause  \xE2\x8F\xB8" : "Run  \xE2\x96\xB6",
                       running ? "Stop the animated run (F9)" : "Step tick after tick, at the speed on the right (F9)", can_step || running)) {
        action = ControlAction::toggle_run;
    }
    ImGui::SameLine();
    if (control_button("Run to end", "Run the program to its end at once (F10)", can_step)) action = ControlAction::run_to_end;
    ImGui::SameLine();
    if (control_button("Reset", "Start the same program again from tick 0 (F4)", runner.loaded())) action = ControlAction::reset;
    ImGui::SameLine(0, ctx.font_size * 1.2f);
    ImGui::SetNextItemWidth(ctx.font_size * 8.0f);
    ImGui::SliderFloat("##speed", &speed_, 1.0f, 60.0f, "%.0f ticks/s", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("Speed of Run, in ticks per real second");

    // Keyboard shortcuts (F-keys the browser leaves to the page), unless a text field wants keys.
    if (action == ControlAction::none) {
        const bool shift = ImGui::GetIO().KeyShift;
        if (ImGui::IsKeyPressed(ImGuiKey_F6, false)) action = ControlAction::step_line;
        else if (ImGui::IsKeyPressed(ImGuiKey_F7, false) && shift && can_back) action = ControlAction::step_back;
        else if (ImGui::IsKeyPressed(ImGuiKey_F7, false) && !shift) action = ControlAction::step_tick;
        else if (ImGui::IsKeyPressed(ImGuiKey_F8, false)) action = ControlAction::step_iteration;
        else if (ImGui::IsKeyPressed(ImGuiKey_F9, false)) action = ControlAction::toggle_run;
        else if (ImGui::IsKeyPressed(ImGuiKey_F10, false)) action = ControlAction::run_to_end;
        else if (ImGui::IsKeyPressed(ImGuiKey_F4, false) && runner.loaded()) action = ControlAction::reset;
    }

    // The status: tick and virtual clock, always visible, and the reminder that time is virtual.
    std::string status;
    std::string state_word;
    if (runner.loaded()) {
        const ll::session::Snapshot& s = runner.snapshot();
        status = fmt::format("t = {} s   tick {}", time_text(s.clock), s.tick);
        if (s.finished) state_word = s.exit_status == 0 ? "finished" : "ended with an error";
    } else {
        status = "t = 0.0 s   tick 0";
    }
    const char* note = "virtual time: no real waiting";
    ImGui::PushFont(ctx.fonts.mono);
    const float status_w = ImGui::CalcTextSize(status.c_str()).x;
    ImGui::PopFont();
    const float note_w = ImGui::CalcTextSize(note).x;
    const float word_w = state_word.empty() ? 0.0f : ImGui::CalcTextSize(state_word.c_str()).x + ctx.font_size;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + ctx.font_size, size.x - pad - status_w - note_w - word_w - ctx.font_size));
    ImGui::AlignTextToFramePadding();
    if (!state_word.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->task_done);
        ImGui::TextUnformatted(state_word.c_str());
        ImGui::PopStyleColor();
        test_api::note_last_item(state_word);
        ImGui::SameLine(0, ctx.font_size);
    }
    ImGui::PushFont(ctx.fonts.mono);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->accent);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    test_api::note_last_item(status + "##status");
    ImGui::SameLine(0, ctx.font_size);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::TextUnformatted(note);
    ImGui::PopStyleColor();
    ImGui::EndChild();
    return action;
}

} // namespace ll::web
