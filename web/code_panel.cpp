// The CODE column: parameters strip, editor, and the marks taken from the session's snapshot
// (only while the loaded program is the one in the editor: stale marks would point at the wrong
// lines).
#include "code_panel.h"

#include "starter_programs.h"
#include "task_style.h"
#include "test_api.h"
#include "widgets.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace ll::web {
namespace {

// The few words drawn after a hinted line (the explanation is in the tooltip).
std::string hint_label(const ll::session::Hint& h)
{
    using K = ll::session::Hint::Kind;
    std::string label;
    switch (h.kind) {
    case K::BlockingCall: label = "blocking call: the whole loop froze"; break;
    case K::NeverAwaited: label = "coroutine never awaited"; break;
    case K::DestroyedPending: label = "task destroyed while pending"; break;
    case K::ExceptionNotRetrieved: label = "task exception never retrieved"; break;
    }
    if (h.count > 1) label += fmt::format(" (\xC3\x97{})", h.count);
    return label;
}

using ll::session::OutputLine;

int leading_spaces(const std::string& s)
{
    int n = 0;
    while (n < static_cast<int>(s.size()) && (s[static_cast<std::size_t>(n)] == ' ' || s[static_cast<std::size_t>(n)] == '\t')) ++n;
    return n;
}

// The error of a failed run, from its traceback: the last frame in the learner's file, the
// carets under it, and the final "Type: message" line.
std::optional<ErrorMark> error_from_traceback(const std::string& stderr_text, const TextDocument& doc)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < stderr_text.size()) {
        std::size_t nl = stderr_text.find('\n', pos);
        if (nl == std::string::npos) nl = stderr_text.size();
        lines.push_back(stderr_text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    const std::string marker = fmt::format("File \"{}\", line ", SessionRunner::filename);
    int at = -1;
    for (int i = static_cast<int>(lines.size()) - 1; i >= 0; --i) {
        if (lines[static_cast<std::size_t>(i)].find(marker) != std::string::npos) {
            at = i;
            break;
        }
    }
    if (at < 0) return std::nullopt;
    ErrorMark mark;
    const std::string& file_line = lines[static_cast<std::size_t>(at)];
    mark.line = std::atoi(file_line.c_str() + file_line.find(marker) + marker.size());
    if (mark.line < 1 || mark.line > doc.line_count()) return std::nullopt;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        if (!it->empty() && (*it)[0] != ' ') {
            mark.message = *it;
            break;
        }
    }
    const std::string& source = doc.line(mark.line - 1);
    const int indent = leading_spaces(source);
    mark.col_begin = indent;
    mark.col_end = 0; // the whole line, unless carets say where
    // The traceback shows the line stripped, under a 4-space margin, then carets.
    if (static_cast<std::size_t>(at + 2) < lines.size()) {
        const std::string& carets = lines[static_cast<std::size_t>(at + 2)];
        const std::size_t first = carets.find_first_of("^~");
        if (first != std::string::npos && carets.find_first_not_of(" ^~") == std::string::npos && first >= 4) {
            const std::size_t last = carets.find_last_of("^~");
            mark.col_begin = indent + static_cast<int>(first - 4);
            mark.col_end = indent + static_cast<int>(last - 4) + 1;
        }
    }
    return mark;
}

std::string literal_for(const ll::session::ParamDecl& d, double v)
{
    if (d.integer) return fmt::format("{}", static_cast<long long>(std::llround(v)));
    std::string s = fmt::format("{:.3f}", v);
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
    return s;
}

} // namespace

CodePanel::CodePanel() : editor_(default_starter()) {}

const std::vector<ll::session::ParamDecl>& CodePanel::params()
{
    if (params_version_ != editor_.version()) {
        params_ = ll::session::parse_params(editor_.text());
        params_version_ = editor_.version();
    }
    return params_;
}

void CodePanel::update_marks(SessionRunner& runner)
{
    if (runner.generation() == marks_held_at_) return;
    if (!runner.matches(editor_.version())) {
        editor_.set_running_line(0);
        editor_.set_bookmarks({});
        editor_.set_errors({});
        editor_.set_hints({});
        return;
    }
    const ll::session::Snapshot& s = runner.snapshot();
    editor_.set_running_line(s.finished ? 0 : s.current_line);
    std::vector<GutterMarker> marks;
    for (const ll::session::TaskView& t : s.tasks) {
        if (t.state == ll::session::TaskState::Done || t.state == ll::session::TaskState::Running) continue;
        const ll::session::FrameView* f = user_frame(t);
        if (f == nullptr || f->line <= 0) continue;
        std::string tip = fmt::format("{}  {}()  {}", t.name, t.coro, ll::session::to_string(t.state));
        if (!t.waiting_for.empty()) tip += "\nwaiting for " + t.waiting_for;
        tip += "\n" + bookmark_text(t, false);
        marks.push_back({f->line, std::move(tip)});
    }
    editor_.set_bookmarks(std::move(marks));
    std::vector<ErrorMark> errors;
    if (s.finished && s.exit_status != 0) {
        if (std::optional<ErrorMark> e = error_from_traceback(runner.session().output_text(OutputLine::Stream::Stderr), editor_.document())) {
            errors.push_back(std::move(*e));
        }
    }
    editor_.set_errors(std::move(errors));
    std::vector<HintMark> hints;
    for (const ll::session::Hint& h : s.hints) {
        if (h.line <= 0) continue;
        hints.push_back({h.line, hint_label(h), h.message});
    }
    editor_.set_hints(std::move(hints));
}

std::optional<ParamChange> CodePanel::draw_params(const UiContext& ctx)
{
    std::optional<ParamChange> change;
    const auto& decls = params();
    if (decls.empty()) return change;
    const float pad = ctx.font_size * 0.6f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette->text_muted);
    ImGui::TextUnformatted("PARAMETERS");
    ImGui::PopStyleColor();
    for (const ll::session::ParamDecl& d : decls) {
        ImGui::SameLine(0, pad * 1.5f);
        ImGui::PushID(d.name.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(ctx.fonts.mono);
        ImGui::TextUnformatted(d.name.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ctx.font_size * 8.0f);
        const std::string label = "##" + d.name;
        if (!d.choices.empty()) {
            int current = 0;
            for (std::size_t i = 0; i < d.choices.size(); ++i) {
                if (d.choices[i] == d.value) current = static_cast<int>(i);
            }
            if (ImGui::BeginCombo(label.c_str(), d.value.c_str())) {
                for (std::size_t i = 0; i < d.choices.size(); ++i) {
                    if (ImGui::Selectable(d.choices[i].c_str(), static_cast<int>(i) == current)) change = ParamChange{d.name, d.choices[i]};
                }
                ImGui::EndCombo();
            }
        } else {
            char* end = nullptr;
            const double literal = std::strtod(d.value.c_str(), &end);
            const bool numeric = end != d.value.c_str() && *end == '\0';
            auto held = dragging_.find(d.name);
            double v = held != dragging_.end() ? held->second : literal;
            bool edited = false;
            if (d.min && d.max && numeric) {
                if (d.integer) {
                    int iv = static_cast<int>(std::llround(v));
                    edited = ImGui::SliderInt(label.c_str(), &iv, static_cast<int>(*d.min), static_cast<int>(*d.max));
                    v = iv;
                } else {
                    float fv = static_cast<float>(v);
                    edited = ImGui::SliderFloat(label.c_str(), &fv, static_cast<float>(*d.min), static_cast<float>(*d.max), "%.2f");
                    v = fv;
                    if (d.step && *d.step > 0) v = *d.min + std::round((v - *d.min) / *d.step) * *d.step;
                }
            } else if (numeric) {
                edited = ImGui::InputDouble(label.c_str(), &v, 0, 0, d.integer ? "%.0f" : "%.3g");
            } else {
                ImGui::PushFont(ctx.fonts.mono);
                ImGui::TextUnformatted(d.value.c_str());
                ImGui::PopFont();
            }
            if (edited) dragging_[d.name] = v;
            // The program is rewritten once the learner lets go, not on every frame of a drag.
            if (ImGui::IsItemDeactivatedAfterEdit() || (edited && !ImGui::IsItemActive())) {
                const std::string lit = literal_for(d, v);
                if (lit != d.value) change = ParamChange{d.name, lit};
                dragging_.erase(d.name);
            } else if (!ImGui::IsItemActive()) {
                dragging_.erase(d.name);
            }
        }
        test_api::note_last_item(fmt::format("{} = {}##param_{}", d.name, d.value, d.name));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
            ImGui::SetTooltip("line %d: %s  (param: %s)\nChanging it rewrites the line and runs again to the same tick.", d.line, d.name.c_str(), d.spec.c_str());
        }
        ImGui::PopID();
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad * 0.3f);
    return change;
}

std::optional<ParamChange> CodePanel::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner)
{
    const TextDocument& doc = editor_.document();
    std::string note;
    if (editor_.focused()) {
        const TextPos caret = editor_.selection().caret;
        const int col = utf8_char_count(std::string_view(doc.line(caret.line)).substr(0, static_cast<std::size_t>(caret.col)));
        note = fmt::format("playground.py \xC2\xB7 Ln {}, Col {}", caret.line + 1, col + 1);
    } else {
        note = fmt::format("playground.py \xC2\xB7 {} lines", doc.line_count());
    }
    if (runner.loaded() && !runner.matches(editor_.version())) note += "  \xC2\xB7  edited: a step runs the new code";
    begin_panel(ctx, "Code", "CODE", size, note, false);
    std::optional<ParamChange> change = draw_params(ctx);
    update_marks(runner);
    editor_.draw(ctx, "##editor", ImGui::GetContentRegionAvail());
    end_panel();
    return change;
}

} // namespace ll::web
