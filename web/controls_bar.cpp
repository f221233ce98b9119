// The controls bar. The buttons are where they will be, but disabled and saying why: the engine
// (and its session facade) is not connected yet, and a button that pretends would mislead.
#include "controls_bar.h"

#include "test_api.h"
#include "widgets.h"

namespace ll::web {
namespace {

constexpr const char* not_connected = "The engine is not connected yet";

} // namespace

void ControlsBar::draw(const UiContext& ctx, ImVec2 size)
{
    ImGui::BeginChild("Controls", size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float pad = ctx.font_size * 0.9f;
    const float y = (size.y - ImGui::GetFrameHeight()) * 0.5f;
    ImGui::SetCursorPos(ImVec2(pad, y));
    unavailable_button("Step line", not_connected);
    ImGui::SameLine();
    unavailable_button("Step tick", not_connected);
    ImGui::SameLine();
    unavailable_button("Step iteration", not_connected);
    ImGui::SameLine(0, ctx.font_size * 1.2f);
    unavailable_button("Run  \xE2\x96\xB6", not_connected);
    ImGui::SameLine();
    unavailable_button("Reset", not_connected);

    const char* status = "engine not connected";
    const float status_w = ImGui::CalcTextSize(status).x;
    ImGui::SameLine(size.x - pad - status_w);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::TextUnformatted(status);
    ImGui::PopStyleColor();
    test_api::note_last_item(status);
    ImGui::EndChild();
}

} // namespace ll::web
