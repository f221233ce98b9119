// The TIMELINE. With no trace yet it shows the legend of task states and an empty state.
#include "timeline_panel.h"

#include "test_api.h"
#include "widgets.h"


namespace ll::web {
namespace {

void legend_entry(const UiContext& ctx, const ImVec4& color, const char* name)
{
    const float box = ctx.font_size * 0.7f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float y = pos.y + (ImGui::GetTextLineHeight() - box) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + box, y + box), ctx.color(color), 2.0f);
    ImGui::Dummy(ImVec2(box, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, ctx.font_size * 0.4f);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::TextUnformatted(name);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ctx.font_size * 1.2f);
}

} // namespace

void TimelinePanel::draw(const UiContext& ctx, ImVec2 size)
{
    begin_panel(ctx, "Timeline", "TIMELINE", size, "one row per task, over virtual time");
    const Palette& p = *ctx.palette;
    legend_entry(ctx, p.task_pending, "pending");
    legend_entry(ctx, p.task_ready, "ready");
    legend_entry(ctx, p.task_running, "running");
    legend_entry(ctx, p.task_done, "done");
    ImGui::NewLine();
    empty_state(ctx, "No tasks yet", "Run the program to draw one row per task.");
    end_panel();
}

} // namespace ll::web
