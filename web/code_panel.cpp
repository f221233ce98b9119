// The code editor. ImGui's multiline input does the editing (selection, undo, clipboard); we draw
// the line-number gutter beside it. The input is made as tall as its text so that the gutter and
// the text share one scroll position (the panel body's), and we scroll to follow the cursor.
#include "code_panel.h"

#include "starter_program.h"
#include "test_api.h"
#include "widgets.h"

#include <fmt/format.h>

#include <algorithm>

namespace ll::web {
namespace {

struct CallbackData {
    std::string* text;
    int* cursor_line;
};

int editor_callback(ImGuiInputTextCallbackData* data)
{
    auto* cb = static_cast<CallbackData*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        // ImGui wrote past our buffer's size: grow the string and hand back its storage.
        cb->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = cb->text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        *cb->cursor_line = static_cast<int>(std::count(data->Buf, data->Buf + data->CursorPos, '\n'));
    }
    return 0;
}

} // namespace

CodePanel::CodePanel() : text_(starter_program)
{
    recount_lines();
}

void CodePanel::recount_lines()
{
    line_count_ = 1 + static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
}

void CodePanel::draw(const UiContext& ctx, ImVec2 size)
{
    const std::string note = fmt::format("playground.py \xC2\xB7 {} lines", line_count_);
    begin_panel(ctx, "Code", "CODE", size, note);
    const Palette& p = *ctx.palette;

    ImGui::PushFont(ctx.fonts.mono);
    const float line_h = ImGui::GetTextLineHeight();
    const float digit_w = ImGui::CalcTextSize("0").x;
    const int digits = std::max(2, static_cast<int>(std::to_string(line_count_).size()));
    const float gutter_w = digit_w * static_cast<float>(digits) + ctx.font_size * 1.0f;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 frame_pad(ctx.font_size * 0.5f, ctx.font_size * 0.35f);
    const float text_h = line_h * static_cast<float>(line_count_ + 1) + frame_pad.y * 2;
    const float editor_h = std::max(avail.y, text_h);

    // Line numbers, only those that are visible.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float scroll_y = ImGui::GetScrollY();
    const float window_top = ImGui::GetWindowPos().y;
    const float window_h = ImGui::GetWindowHeight();
    // `top` already moves with the scroll, so the first visible line is where it crosses the window's top.
    const int first = std::max(0, static_cast<int>((window_top - top.y - frame_pad.y) / line_h) - 1);
    if (editing_) { // a faint band behind the line being edited, across gutter and text
        const float y = top.y + frame_pad.y + line_h * static_cast<float>(cursor_line_);
        ImVec4 band = p.text;
        band.w = 0.045f;
        draw->AddRectFilled(ImVec2(top.x - ctx.font_size, y), ImVec2(top.x + avail.x + ctx.font_size, y + line_h), ctx.color(band));
    }
    const ImU32 number_col = ctx.color(p.gutter_text);
    const ImU32 current_col = ctx.color(p.text_muted);
    for (int i = first; i < line_count_; ++i) {
        const float y = top.y + frame_pad.y + line_h * static_cast<float>(i);
        if (y > window_top + window_h) {
            break;
        }
        const std::string n = std::to_string(i + 1);
        const float x = top.x + gutter_w - ctx.font_size * 0.6f - ImGui::CalcTextSize(n.c_str()).x;
        draw->AddText(ImVec2(x, y), (editing_ && i == cursor_line_) ? current_col : number_col, n.c_str());
    }

    ImGui::SetCursorScreenPos(ImVec2(top.x + gutter_w, top.y));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_pad);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, ImVec4(0, 0, 0, 0));
    CallbackData cb{&text_, &cursor_line_};
    const bool changed = ImGui::InputTextMultiline(
        "##editor", text_.data(), text_.capacity() + 1, ImVec2(avail.x - gutter_w, editor_h),
        ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways,
        editor_callback, &cb);
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    editing_ = ImGui::IsItemActive();
    if (changed) {
        recount_lines();
    }

    // Keep the cursor's line in view when it moves (typing, arrows, paste).
    if (editing_ && cursor_line_ != followed_line_) {
        const float cursor_y = frame_pad.y + line_h * static_cast<float>(cursor_line_);
        const float view_h = ImGui::GetWindowHeight();
        if (cursor_y < scroll_y) {
            ImGui::SetScrollY(cursor_y);
        } else if (cursor_y + line_h * 2 > scroll_y + view_h) {
            ImGui::SetScrollY(cursor_y + line_h * 2 - view_h);
        }
        followed_line_ = cursor_line_;
    }
    ImGui::PopFont();
    end_panel();
}

} // namespace ll::web
