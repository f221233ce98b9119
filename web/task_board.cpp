// The task board: rows (filter, tree order), the story of a cancellation, and the clipped table.
#include "task_board.h"

#include "task_style.h"
#include "test_api.h"
#include "widgets.h"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace ll::web {

using ll::session::Snapshot;
using ll::session::TaskOutcome;
using ll::session::TaskState;
using ll::session::TaskView;

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool matches(const TaskView& t, const std::string& needle)
{
    if (needle.empty()) return true;
    const char* outcome = t.outcome == TaskOutcome::Result ? "result" : t.outcome == TaskOutcome::Exception ? "exception"
                          : t.outcome == TaskOutcome::Cancelled                                          ? "cancelled"
                                                                                                         : "";
    const std::string hay = lower(t.name + " " + t.coro + "() " + ll::session::to_string(t.state) + " " + outcome + " " + t.outcome_repr);
    return hay.find(needle) != std::string::npos;
}

// Who stands above a task in the tree: the task awaiting it (if shown), else none.
int parent_of(const Snapshot& s, const TaskView& t, bool internals)
{
    if (t.awaited_by == 0) return 0;
    const TaskView* p = s.task(t.awaited_by);
    if (p == nullptr || (p->internal && !internals)) return 0;
    return p->id;
}

} // namespace

std::vector<TaskRow> task_rows(const Snapshot& s, bool internals, bool tree, const std::string& filter)
{
    const std::string needle = lower(filter);
    std::vector<TaskRow> rows;
    rows.reserve(s.tasks.size());
    if (!tree) {
        for (std::size_t i = 0; i < s.tasks.size(); ++i) {
            const TaskView& t = s.tasks[i];
            if ((internals || !t.internal) && matches(t, needle)) rows.push_back({static_cast<int>(i), 0});
        }
        return rows;
    }
    // Children lists by parent (creation order kept), then a depth-first walk from the roots.
    std::vector<std::vector<int>> children(s.tasks.size() + 1);
    std::vector<int> roots;
    for (std::size_t i = 0; i < s.tasks.size(); ++i) {
        const TaskView& t = s.tasks[i];
        if (t.internal && !internals) continue;
        const int parent = parent_of(s, t, internals);
        const TaskView* p = parent ? s.task(parent) : nullptr;
        if (p != nullptr) children[static_cast<std::size_t>(p - s.tasks.data())].push_back(static_cast<int>(i));
        else roots.push_back(static_cast<int>(i));
    }
    std::vector<TaskRow> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, 0});
    std::vector<char> seen(s.tasks.size(), 0);
    while (!stack.empty()) {
        const TaskRow row = stack.back();
        stack.pop_back();
        if (seen[static_cast<std::size_t>(row.index)]) continue; // an await cycle cannot loop the walk
        seen[static_cast<std::size_t>(row.index)] = 1;
        if (matches(s.tasks[static_cast<std::size_t>(row.index)], needle)) rows.push_back(row);
        const auto& kids = children[static_cast<std::size_t>(row.index)];
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, row.depth + 1});
    }
    return rows;
}

std::string cancel_story(const Snapshot& s, const TaskView& t)
{
    if (t.cancel_reason.empty()) return {};
    const bool done = t.state == TaskState::Done;
    std::string out = fmt::format("{} {} because {}", t.name,
                                  done ? (t.outcome == TaskOutcome::Cancelled ? "was cancelled" : "was asked to cancel (it went on)")
                                       : "is being cancelled",
                                  t.cancel_reason);
    // Follow the chain: the task behind this cancellation, and what happened to it.
    const TaskView* by = s.task(t.cancelled_by);
    for (int depth = 0; by != nullptr && depth < 8; ++depth) {
        if (!by->cancel_reason.empty() && by->id != t.id) {
            out += fmt::format("\n  \xE2\x86\x90 {} was cancelled because {}", by->name, by->cancel_reason);
            by = s.task(by->cancelled_by);
        } else {
            if (by->outcome == TaskOutcome::Exception) out += fmt::format("\n  \xE2\x86\x90 {} raised {}", by->name, by->outcome_repr);
            break;
        }
    }
    return out;
}

void TaskBoard::draw(const UiContext& ctx, const Snapshot& s)
{
    const Palette& p = *ctx.palette;
    if (!registered_) {
        // window.looplab.state().board: what the board shows, for the browser tests.
        test_api::set_section("board", [this](std::string& out) {
            out += fmt::format("{{\"rows\":{},\"tree\":{},\"internals\":{},\"filter\":", rows_.size(), tree_, show_internals_);
            test_api::append_json_string(out, filter_);
            out += ",\"tooltip\":";
            test_api::append_json_string(out, tooltip_);
            // The first rows in board order with their tree depth (enough for the tests' programs).
            out += ",\"order\":[";
            for (std::size_t i = 0; i < rows_.size() && i < 200; ++i) {
                out += fmt::format("{}{{\"index\":{},\"depth\":{}}}", i ? "," : "", rows_[i].index, rows_[i].depth);
            }
            out += "]}";
        });
        registered_ = true;
    }
    tooltip_.clear();
    section_caption(ctx, "TASKS");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.font_size * 9.0f);
    ImGui::InputTextWithHint("##taskfilter", "filter: name or state", filter_, sizeof filter_);
    test_api::note_last_item("task filter");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Show only tasks whose name, coroutine, state or outcome contains this text\n(e.g. \"pending\", \"fetch\", \"cancelled\")");
    }
    // The switches follow on the same line while they fit, else on the next (a narrow panel).
    auto same_line_if_fits = [](const char* label) {
        const float need = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
    };
    same_line_if_fits("tree");
    ImGui::Checkbox("tree", &tree_);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::SetTooltip("Who awaits whom: each task under the task awaiting it\n(await, gather, TaskGroup, wait_for), like Python 3.14's `asyncio pstree`");
    }
    same_line_if_fits("asyncio internals");
    ImGui::Checkbox("asyncio internals", &show_internals_);

    rows_ = task_rows(s, show_internals_, tree_, filter_);
    std::size_t shown_total = 0;
    for (const TaskView& t : s.tasks) shown_total += show_internals_ || !t.internal ? 1 : 0;
    if (shown_total == 0) {
        muted_text(ctx, "No tasks yet: asyncio.run() creates the first one.");
        return;
    }
    if (filter_[0] != '\0') {
        const std::string count = fmt::format("{} of {} tasks match", rows_.size(), shown_total);
        muted_text(ctx, count);
        test_api::note_last_item(count + "##taskcount");
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    ImGui::PushFont(ctx.fonts.mono);
    // At least a few rows: in a short panel the LOOP body scrolls instead of squeezing the board.
    ImVec2 table_size = ImGui::GetContentRegionAvail();
    table_size.y = std::max(table_size.y, ImGui::GetTextLineHeightWithSpacing() * 7.0f);
    if (ImGui::BeginTable("##tasks", 3, flags, table_size)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("task", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Task-1000 fetch()").x);
        ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("  pending ").x + ctx.font_size * 0.6f);
        ImGui::TableSetupColumn(tree_ ? "awaited via / waiting for / outcome" : "waiting for / outcome, bookmark", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()));
        const float indent = ctx.font_size * 0.9f;
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const TaskRow& row = rows_[static_cast<std::size_t>(r)];
                const TaskView& t = s.tasks[static_cast<std::size_t>(row.index)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(t.id);
                if (row.depth > 0) {
                    // The tree's elbow at the parent's indentation, drawn as two lines: the UI
                    // font has no box-drawing glyphs.
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent * static_cast<float>(row.depth - 1));
                    const ImVec2 at = ImGui::GetCursorScreenPos();
                    const float w = ctx.font_size * 0.6f;
                    const float h = ImGui::GetTextLineHeight();
                    const ImU32 muted = ImGui::GetColorU32(p.text_muted);
                    const float x = at.x + w * 0.35f;
                    ImDrawList* draw = ImGui::GetWindowDrawList();
                    draw->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + h * 0.55f), muted);
                    draw->AddLine(ImVec2(x, at.y + h * 0.55f), ImVec2(at.x + w, at.y + h * 0.55f), muted);
                    ImGui::Dummy(ImVec2(w, h));
                    ImGui::SameLine(0, ctx.font_size * 0.3f);
                }
                const std::string name = fmt::format("{} {}()", t.name, t.coro);
                ImGui::Selectable(name.c_str(), t.id == s.running_task, ImGuiSelectableFlags_SpanAllColumns);
                const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort);
                ImGui::PopID();
                ImGui::TableNextColumn();
                const ImVec4& color = state_color(p, t.state);
                const float dot_r = ctx.font_size * 0.28f;
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + dot_r, pos.y + ImGui::GetTextLineHeight() * 0.5f), dot_r, ctx.color(color));
                ImGui::Dummy(ImVec2(dot_r * 2, ImGui::GetTextLineHeight()));
                ImGui::SameLine(0, ctx.font_size * 0.4f);
                ImGui::PushStyleColor(ImGuiCol_Text, color);
                ImGui::TextUnformatted(ll::session::to_string(t.state));
                ImGui::PopStyleColor();
                test_api::note_last_item(fmt::format("{}: {}##task{}", t.name, ll::session::to_string(t.state), t.id));
                ImGui::TableNextColumn();
                std::string detail;
                if (tree_ && t.awaited_by != 0) detail = "via " + t.awaited_via + "  \xC2\xB7  ";
                if (t.state == TaskState::Done) {
                    detail += outcome_text(t);
                    if (t.outcome == TaskOutcome::Cancelled && !t.cancel_reason.empty()) detail += "  \xC2\xB7  " + t.cancel_reason;
                } else {
                    if (!t.cancel_reason.empty()) detail += "cancelling: " + t.cancel_reason + "  \xC2\xB7  ";
                    detail += t.waiting_for;
                    if (const ll::session::FrameView* f = user_frame(t)) {
                        detail += fmt::format("{}line {}", t.waiting_for.empty() ? "" : "  \xC2\xB7  ", f->line);
                    }
                }
                const ImVec4& detail_color = t.outcome == TaskOutcome::Exception ? p.error
                                             : !t.cancel_reason.empty()          ? p.hint
                                                                                 : p.text_muted;
                ImGui::PushStyleColor(ImGuiCol_Text, detail_color);
                ImGui::TextUnformatted(detail.c_str());
                ImGui::PopStyleColor();
                if (hovered) {
                    std::string tip = fmt::format("{}  {}()  {}", t.name, t.coro, ll::session::to_string(t.state));
                    if (t.created_line > 0) {
                        const TaskView* creator = s.task(t.created_by);
                        tip += fmt::format("\ncreated at line {}{}", t.created_line, creator ? " by " + creator->name : "");
                    }
                    if (const TaskView* awaiter = s.task(t.awaited_by)) tip += fmt::format("\nawaited by {} (via {})", awaiter->name, t.awaited_via);
                    if (!t.waiting_for.empty()) tip += "\nwaiting " + t.waiting_for;
                    const std::string story = cancel_story(s, t);
                    if (!story.empty()) tip += "\n\n" + story;
                    const std::string chain = bookmark_text(t, show_internals_);
                    if (!chain.empty()) tip += "\n\nbookmark (outermost first):\n" + chain;
                    const std::string outcome = outcome_text(t);
                    if (!outcome.empty()) tip += "\n" + outcome;
                    ImGui::SetTooltip("%s", tip.c_str());
                    tooltip_ = std::move(tip);
                }
            }
        }
        ImGui::EndTable();
        test_api::note_last_item("task board##taskboard"); // the table's outer rectangle
    }
    ImGui::PopFont();
}

} // namespace ll::web
