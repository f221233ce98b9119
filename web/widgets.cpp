// Shared drawing helpers: the panel chrome (a header strip with a caption) and small widgets.
#include "widgets.h"

#include "test_api.h"

#include <imgui_internal.h>

#include <cmath>
#include <string>

namespace ll::web {

void begin_panel(const UiContext& ctx, const char* id, const char* title, ImVec2 size, std::string_view note,
                 bool pad_body, const std::function<void()>& header_widgets)
{
    ImGui::BeginChild(id, size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const Palette& p = *ctx.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    const float pad = ctx.font_size * 0.9f;
    const float header_h = ctx.font_size * 2.2f;

    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + header_h), ctx.color(p.panel_header),
                        ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersTop);
    draw->AddLine(ImVec2(origin.x, origin.y + header_h - 1), ImVec2(origin.x + width, origin.y + header_h - 1),
                  ctx.color(p.border));

    ImGui::PushFont(ctx.fonts.caption);
    const float caption_h = ImGui::GetTextLineHeight();
    ImGui::SetCursorPos(ImVec2(pad, (header_h - caption_h) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::TextUnformatted(title);
    const float title_w = ImGui::GetItemRectSize().x; // in the caption face, popped below
    test_api::note_last_item(title);
    if (!note.empty()) {
        const float note_w = ImGui::CalcTextSize(note.data(), note.data() + note.size()).x;
        ImGui::SameLine(width - pad - note_w);
        ImGui::TextUnformatted(note.data(), note.data() + note.size());
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (header_widgets) {
        ImGui::SetCursorPos(ImVec2(pad + title_w + pad * 1.5f, (header_h - ImGui::GetTextLineHeight()) * 0.5f));
        header_widgets();
    }

    // The body scrolls on its own, below the fixed header.
    ImGui::SetCursorPos(ImVec2(0, header_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, pad_body ? ImVec2(pad, pad * 0.75f) : ImVec2(0, 0));
    ImGui::BeginChild("body", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
}

void end_panel()
{
    ImGui::EndChild(); // body
    ImGui::EndChild(); // panel
}

void muted_text(const UiContext& ctx, std::string_view text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void section_caption(const UiContext& ctx, const char* text)
{
    ImGui::PushFont(ctx.fonts.caption);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    test_api::note_last_item(text);
}

void empty_state(const UiContext& ctx, std::string_view headline, std::string_view detail)
{
    // Centred in the space left in the panel, and never taller than it (no needless scrollbar).
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float wrap = avail.x * 0.9f;
    ImGui::PushFont(ctx.fonts.ui_bold);
    const ImVec2 head = ImGui::CalcTextSize(headline.data(), headline.data() + headline.size(), false, wrap);
    ImGui::PopFont();
    ImVec2 body = detail.empty() ? ImVec2(0, 0)
                                 : ImGui::CalcTextSize(detail.data(), detail.data() + detail.size(), false, wrap);
    float block_h = head.y + (detail.empty() ? 0.0f : ImGui::GetStyle().ItemSpacing.y + body.y);
    if (block_h > avail.y && !detail.empty()) { // a short pane keeps the headline only
        detail = {};
        block_h = head.y;
    }
    if (avail.y > block_h) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::floor((avail.y - block_h) * 0.45f));
    }
    const float left = ImGui::GetCursorPosX();

    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::PushFont(ctx.fonts.ui_bold);
    ImGui::SetCursorPosX(left + std::floor((avail.x - head.x) * 0.5f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + head.x + 1.0f);
    ImGui::TextUnformatted(headline.data(), headline.data() + headline.size());
    ImGui::PopTextWrapPos();
    test_api::note_last_item(headline);
    ImGui::PopFont();
    if (!detail.empty()) {
        const float x = left + std::floor((avail.x - body.x) * 0.5f);
        ImGui::SetCursorPosX(x);
        ImGui::PushTextWrapPos(x + body.x + 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(detail.data(), detail.data() + detail.size());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::PopStyleColor();
}

void unavailable_button(const char* label, const char* why, ImVec2 size)
{
    ImGui::BeginDisabled();
    ImGui::Button(label, size);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("%s", why);
    }
}

float splitter(const UiContext& ctx, const char* id, ImVec2 pos, ImVec2 size, bool vertical)
{
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered || active) {
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
        // A thin line in the middle of the gap shows what can be dragged.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImU32 col = ctx.color(active ? ctx.palette->accent : ctx.palette->splitter_hover);
        if (vertical) {
            const float x = pos.x + size.x * 0.5f;
            draw->AddLine(ImVec2(x, pos.y), ImVec2(x, pos.y + size.y), col, 2.0f);
        } else {
            const float y = pos.y + size.y * 0.5f;
            draw->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + size.x, y), col, 2.0f);
        }
    }
    if (!active) {
        return 0.0f;
    }
    const ImVec2 delta = ImGui::GetIO().MouseDelta;
    return vertical ? delta.x : delta.y;
}

} // namespace ll::web
