// The top bar. Lesson navigation is drawn where it will live, disabled until lessons load, so
// the layout does not jump later; theme and text size are live settings.
#include "top_bar.h"

#include "test_api.h"
#include "starter_programs.h"
#include "widgets.h"

#include <fmt/format.h>

namespace ll::web {

TopBarActions TopBar::draw(const UiContext& ctx, ImVec2 size, bool sharing)
{
    TopBarActions actions;
    const Palette& p = *ctx.palette;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel);
    ImGui::BeginChild("TopBar", size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();

    const float pad = ctx.font_size * 0.9f;
    const float frame_h = ImGui::GetFrameHeight();
    const float center_y = (size.y - frame_h) * 0.5f;

    // The brand: a small accent mark and the name.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float mark = ctx.font_size * 0.9f;
    const ImVec2 mark_min(origin.x + pad, origin.y + (size.y - mark) * 0.5f);
    draw->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), ctx.color(p.accent), mark * 0.3f);
    draw->AddCircleFilled(ImVec2(mark_min.x + mark * 0.5f, mark_min.y + mark * 0.5f), mark * 0.22f,
                          ctx.color(p.panel));

    ImGui::PushFont(ctx.fonts.title);
    ImGui::SetCursorPos(ImVec2(pad + mark + ctx.font_size * 0.55f, (size.y - ImGui::GetTextLineHeight()) * 0.5f));
    ImGui::TextUnformatted("Loop Lab");
    test_api::note_last_item("Loop Lab");
    ImGui::PopFont();

    ImGui::SameLine(0, ctx.font_size * 0.8f);
    ImGui::SetCursorPosY((size.y - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::TextUnformatted("Asyncio Without the Magic");
    ImGui::PopStyleColor();

    // Lesson navigation: the playground is the only page until the lesson engine arrives.
    ImGui::SameLine(0, ctx.font_size * 2.0f);
    ImGui::SetCursorPosY(center_y);
    unavailable_button("\xE2\x97\x80  Prev", "Lessons are not loaded yet: this is the playground.");
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ctx.fonts.ui_bold);
    ImGui::TextUnformatted("Playground");
    test_api::note_last_item("Playground");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    unavailable_button("Next  \xE2\x96\xB6", "Lessons are not loaded yet: this is the playground.");

    // The scratch playground's starter programs; loading one is a single undoable edit.
    ImGui::SameLine(0, ctx.font_size * 1.2f);
    ImGui::SetCursorPosY(center_y);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("Starter programs").x + frame_h * 1.6f);
    const bool starters_open = ImGui::BeginCombo("##starters", "Starter programs");
    if (!starters_open) {
        // (while open, the last item is the popup's: the combo is only labelled when closed)
        test_api::note_last_item("Starter programs");
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
            ImGui::SetTooltip("Open a ready-made program (your code stays one Ctrl+Z away)");
        }
    } else {
        for (int i = 0; i < starter_count; ++i) {
            if (ImGui::Selectable(starter_table[i].title)) actions.load_starter = i;
            test_api::note_last_item(std::string("starter: ") + starter_table[i].title);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", starter_table[i].summary);
        }
        ImGui::EndCombo();
    }

    // Keeping and passing on work, then the view settings, right-aligned: text size and theme.
    const std::string size_text = fmt::format("{:.0f} px", ctx.font_size);
    const char* theme_label = ctx.theme == Theme::dark ? "Light theme###theme" : "Dark theme###theme";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float small_w = frame_h * 1.15f;
    const float theme_w = ImGui::CalcTextSize("Light theme").x + style.FramePadding.x * 2;
    const float size_w = ImGui::CalcTextSize("00 px").x;
    const float caption_w = ImGui::CalcTextSize("Text").x;
    auto button_w = [&](const char* text) { return ImGui::CalcTextSize(text).x + style.FramePadding.x * 2; };
    const float files_w = button_w("Share link") + button_w("Export") + button_w("Import") + style.ItemSpacing.x * 2 +
                          ctx.font_size * 1.6f;
    const float total = files_w + caption_w + style.ItemSpacing.x + small_w * 2 + size_w + style.ItemSpacing.x * 3 +
                        ctx.font_size * 1.2f + theme_w;
    ImGui::SameLine(size.x - pad - total);
    ImGui::SetCursorPosY(center_y);
    ImGui::BeginDisabled(sharing);
    if (ImGui::Button("Share link##share")) {
        actions.share = true;
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort | ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Copy a link that opens this program, with its parameters, in anyone's Loop Lab");
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    if (ImGui::Button("Export##export")) {
        actions.export_progress = true;
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Download your code, settings and progress as looplab-progress.json");
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    if (ImGui::Button("Import##import")) {
        actions.import_progress = true;
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Load a looplab-progress.json file saved with Export");
    }
    ImGui::SameLine(0, ctx.font_size * 1.6f);
    ImGui::SetCursorPosY(center_y);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::TextUnformatted("Text");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    if (ImGui::Button("\xE2\x88\x92##font_smaller", ImVec2(small_w, 0))) {
        actions.font_step = -1;
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Smaller text");
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (size_w - ImGui::CalcTextSize(size_text.c_str()).x) * 0.5f);
    ImGui::TextUnformatted(size_text.c_str());
    test_api::note_last_item("font size##font_size");
    ImGui::SameLine();
    ImGui::SetCursorPosY(center_y);
    if (ImGui::Button("+##font_larger", ImVec2(small_w, 0))) {
        actions.font_step = +1;
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Larger text");
    }
    ImGui::SameLine(0, ctx.font_size * 1.2f);
    ImGui::SetCursorPosY(center_y);
    if (ImGui::Button(theme_label, ImVec2(theme_w, 0))) {
        actions.toggle_theme = true;
    }

    ImGui::EndChild();
    return actions;
}

} // namespace ll::web
