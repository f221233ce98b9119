// Notice cards: a coloured stripe (blue for news, red for a problem), a bold title, the
// explanation, and a Dismiss button. Each card is its own small ImGui window.
#include "notices.h"

#include "platform_web.h"
#include "test_api.h"

#include <fmt/format.h>

#include <algorithm>

namespace ll::web {
namespace {

constexpr double info_seconds = 9.0; // long enough to read two sentences twice

} // namespace

void Notices::post(NoticeKind kind, std::string title, std::string text)
{
    if (kind == NoticeKind::problem) {
        platform::log_warning(title + " " + text);
    }
    // The same message twice (e.g. two bad links in a row) shows once.
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(),
                                  [&](const Notice& n) { return n.title == title && n.text == text; }),
                   notices_.end());
    notices_.push_back(Notice{next_id_++, kind, std::move(title), std::move(text)});
    if (notices_.size() > 4) notices_.erase(notices_.begin());
}

void Notices::draw(const UiContext& ctx, float top)
{
    const double now = ImGui::GetTime();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(),
                                  [&](const Notice& n) { return n.kind == NoticeKind::info && n.posted >= 0 && now - n.posted > info_seconds; }),
                   notices_.end());
    const Palette& p = *ctx.palette;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(ctx.font_size * 28.0f, vp->Size.x - ctx.font_size * 2.0f);
    const float margin = ctx.font_size * 0.8f;
    float y = top + margin;
    int dismiss = 0;
    for (Notice& n : notices_) {
        if (n.posted < 0) n.posted = now;
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - width - margin, y));
        ImGui::SetNextWindowSize(ImVec2(width, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.font_size * 1.2f, ctx.font_size * 0.8f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ctx.font_size * 0.45f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
        const std::string name = fmt::format("Notice##notice{}", n.id);
        ImGui::Begin(name.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::PopStyleColor();
        ImGui::PopStyleVar(3);
        const ImVec2 pos = ImGui::GetWindowPos();
        const ImVec2 size = ImGui::GetWindowSize();
        const ImVec4 stripe = n.kind == NoticeKind::problem ? p.error : p.notice_info;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), false); // the stripe sits in the padding
        dl->AddRectFilled(pos, ImVec2(pos.x + ctx.font_size * 0.3f, pos.y + size.y), ctx.color(stripe), ctx.font_size * 0.45f,
                          ImDrawFlags_RoundCornersLeft);
        dl->PopClipRect();

        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushFont(ctx.fonts.ui_bold);
        ImGui::TextUnformatted(n.title.c_str());
        test_api::note_last_item(n.title);
        ImGui::PopFont();
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        const std::string button = fmt::format("Dismiss##dismiss_notice{}", n.id);
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Dismiss").x -
                             ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::Button(button.c_str())) dismiss = n.id;
        y += ImGui::GetWindowHeight() + margin * 0.75f;
        ImGui::End();
    }
    if (dismiss != 0) {
        notices_.erase(std::remove_if(notices_.begin(), notices_.end(), [&](const Notice& n) { return n.id == dismiss; }),
                       notices_.end());
    }
}

void Notices::append_test_json(std::string& out) const
{
    out += '[';
    bool first = true;
    for (const Notice& n : notices_) {
        if (!first) out += ',';
        first = false;
        out += fmt::format("{{\"kind\":\"{}\",\"title\":", n.kind == NoticeKind::problem ? "problem" : "info");
        test_api::append_json_string(out, n.title);
        out += ",\"text\":";
        test_api::append_json_string(out, n.text);
        out += '}';
    }
    out += ']';
}

} // namespace ll::web
