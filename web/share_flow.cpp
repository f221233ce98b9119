// Share links: the Share button, the dialog that shows the link, and the polite refusal of a
// link that cannot be used. The browser side (compression, base64url, clipboard) is in
// platform_web.cpp.
#include "share_flow.h"

#include "platform_web.h"
#include "test_api.h"

#include <fmt/format.h>

namespace ll::web {
namespace {

std::string refusal_reason(const std::string& code)
{
    if (code == "bad-base64") return "the program in it is not written the way Loop Lab writes links (was it cut short when it was copied?)";
    if (code == "bad-deflate") return "the program in it could not be unpacked (the link looks incomplete or changed)";
    if (code == "bad-text") return "the program in it is not readable text";
    if (code == "too-large") return "the program in it unpacks to more than 2 MB";
    if (code == "no-compression") return "this browser cannot unpack links (it lacks DecompressionStream)";
    return code;
}

} // namespace

void ShareFlow::start(const SharedProgram& program)
{
    if (busy_) return;
    busy_ = true;
    last_error_.clear();
    platform::make_share_link(serialize_shared_program(program), max_fragment);
}

std::optional<SharedProgram> ShareFlow::poll(Notices& notices)
{
    if (auto result = platform::take_share_result()) {
        busy_ = false;
        fragment_length_ = result->fragment_length;
        if (result->ok) {
            url_ = result->url;
            copied_ = result->copied;
            open_popup_ = true;
        } else if (result->too_large) {
            last_error_ = "too-large";
            notices.post(NoticeKind::problem, "This program is too large to share as a link",
                         fmt::format("Even compressed it needs {:.0f} KB, and a link can carry {} KB. Use Export to "
                                     "save it as a file and send the file instead.",
                                     static_cast<double>(result->fragment_length) / 1024.0, max_fragment / 1024));
        } else {
            last_error_ = result->error;
            notices.post(NoticeKind::problem, "The link could not be made", result->error);
        }
    }
    if (auto link = platform::take_incoming_link()) {
        if (!link->error.empty()) {
            incoming_ = link->error;
            notices.post(NoticeKind::problem, "That link could not be opened",
                         "Loop Lab could not use the link this page was opened with: " + refusal_reason(link->error) +
                             ". Your own program is shown instead.");
            return std::nullopt;
        }
        SharedParse parsed = parse_shared_program(link->payload);
        if (!parsed.problem.empty()) {
            incoming_ = "bad-json";
            notices.post(NoticeKind::problem, "That link could not be opened",
                         "Loop Lab could not use the link this page was opened with: " + parsed.problem +
                             ". Your own program is shown instead.");
            return std::nullopt;
        }
        incoming_ = "loaded";
        incoming_tick_ = parsed.program.tick;
        incoming_params_ = parsed.program.params;
        std::string text = "The program from the link is in the editor. Your own program is one Undo (Ctrl+Z) away.";
        if (parsed.program.tick > 0) {
            text += fmt::format(" The link was made at tick {}; stepping back there needs the engine, which is not connected yet.",
                                parsed.program.tick);
        }
        notices.post(NoticeKind::info, "Opened a shared program", std::move(text));
        return std::move(parsed.program);
    }
    return std::nullopt;
}

void ShareFlow::draw(const UiContext& ctx)
{
    if (open_popup_) {
        ImGui::OpenPopup("Share this program###share_dialog");
        open_popup_ = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.3f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(ctx.font_size * 34.0f, vp->Size.x - ctx.font_size * 2), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.font_size * 1.3f, ctx.font_size * 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ctx.font_size * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    if (ImGui::BeginPopupModal("Share this program###share_dialog", nullptr,
                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Share this program");
        test_api::note_last_item("Share this program");
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
        ImGui::TextUnformatted(copied_ ? "The link is on your clipboard. Whoever opens it gets this program, with its "
                                         "parameters, in their own Loop Lab; nothing is uploaded anywhere."
                                       : "Copy this link (the browser did not allow Loop Lab to copy it for you). Whoever opens "
                                         "it gets this program, with its parameters; nothing is uploaded anywhere.");
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.mono);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##share_url", url_.data(), url_.size() + 1, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
        ImGui::TextUnformatted(fmt::format("{:.1f} KB link", static_cast<double>(url_.size()) / 1024.0).c_str());
        ImGui::PopStyleColor();
        ImGui::Spacing();
        const float button_w = ImGui::CalcTextSize("Copy again").x + ImGui::GetStyle().FramePadding.x * 2;
        const float close_w = ImGui::CalcTextSize("Close").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - button_w - close_w - ImGui::GetStyle().ItemSpacing.x);
        if (ImGui::Button("Copy again##share_copy")) {
            ImGui::SetClipboardText(url_.c_str());
            copied_ = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Close##share_close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
        dialog_open_ = true;
    } else {
        dialog_open_ = false;
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

void ShareFlow::append_test_json(std::string& out) const
{
    out += fmt::format("{{\"busy\":{},\"dialogOpen\":{},\"copied\":{},\"fragmentLength\":{},\"maxFragment\":{},\"url\":", busy_,
                       dialog_open_, copied_, fragment_length_, max_fragment);
    test_api::append_json_string(out, url_);
    out += ",\"error\":";
    test_api::append_json_string(out, last_error_);
    out += ",\"incoming\":";
    test_api::append_json_string(out, incoming_);
    out += fmt::format(",\"incomingTick\":{},\"incomingParams\":", incoming_tick_);
    out += incoming_params_.empty() ? std::string("null") : incoming_params_;
    out += '}';
}

} // namespace ll::web
