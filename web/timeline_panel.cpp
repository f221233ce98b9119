// The TIMELINE: for each task, coloured bars over virtual time built from the trace's state
// changes, print markers, a time axis and the clock as a cursor. Wheel zooms, drag pans.
#include "timeline_panel.h"

#include "task_style.h"
#include "test_api.h"
#include "time_text.h"
#include "widgets.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace ll::web {
namespace {

using ll::session::TaskState;
using ll::session::TraceEvent;

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

// A "nice" axis step (1, 2 or 5 times a power of ten) giving about `target` labels.
double axis_step(double span, int target)
{
    const double raw = span / std::max(1, target);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * mag) return m * mag;
    }
    return 10 * mag;
}

} // namespace

void TimelinePanel::rebuild(SessionRunner& runner)
{
    rows_.clear();
    last_event_time_ = 0;
    std::map<int, std::size_t> index; // task id -> row
    const ll::session::Snapshot& snap = runner.snapshot();
    for (const TraceEvent& e : runner.session().trace()) {
        last_event_time_ = std::max(last_event_time_, e.time);
        if (e.task == 0) continue;
        auto it = index.find(e.task);
        if (it == index.end()) {
            if (e.kind != TraceEvent::Kind::TaskCreated && e.kind != TraceEvent::Kind::TaskState) continue;
            Row row;
            row.task = e.task;
            for (const ll::session::TaskView& t : snap.tasks) {
                if (t.id == e.task) {
                    row.label = fmt::format("{} {}", t.name, t.coro);
                    row.internal = t.internal;
                }
            }
            if (row.label.empty()) row.label = fmt::format("task {}", e.task);
            it = index.emplace(e.task, rows_.size()).first;
            rows_.push_back(std::move(row));
            if (e.kind == TraceEvent::Kind::TaskCreated) rows_.back().changes.emplace_back(e.time, TaskState::Pending);
        }
        Row& row = rows_[it->second];
        if (e.kind == TraceEvent::Kind::TaskState) row.changes.emplace_back(e.time, e.state);
        if (e.kind == TraceEvent::Kind::Print) row.prints.emplace_back(e.time, e.detail);
    }
    built_generation_ = runner.generation();
}

void TimelinePanel::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner)
{
    begin_panel(ctx, "Timeline", "TIMELINE", size, "one row per task, over virtual time");
    const Palette& p = *ctx.palette;
    legend_entry(ctx, p.task_pending, "pending");
    legend_entry(ctx, p.task_ready, "ready");
    legend_entry(ctx, p.task_running, "running");
    legend_entry(ctx, p.task_done, "done");
    legend_entry(ctx, p.text, "\xE2\x96\xBC print");
    if (runner.loaded() && (zoom_ != 1.0f || pan_ != 0.0)) {
        if (ImGui::SmallButton("Fit")) {
            zoom_ = 1.0f;
            pan_ = 0.0;
        }
    }
    ImGui::NewLine();
    if (!runner.loaded()) {
        empty_state(ctx, "No tasks yet", "Run the program to draw one row per task.");
        end_panel();
        return;
    }
    if (built_generation_ != runner.generation()) rebuild(runner);
    const ll::session::Snapshot& s = runner.snapshot();
    std::vector<const Row*> rows;
    for (const Row& r : rows_) {
        if (!r.internal) rows.push_back(&r);
    }
    if (rows.empty()) {
        empty_state(ctx, "No tasks yet", "Step the program: each task gets a row when it is created.");
        end_panel();
        return;
    }

    // Geometry: a label column, then the plot; the axis on top.
    ImGui::PushFont(ctx.fonts.mono);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float label_w = std::min(avail.x * 0.3f, ImGui::CalcTextSize("Task-10 fetch_page").x);
    const float axis_h = ImGui::GetTextLineHeight() + 4;
    const float row_h = std::round(ImGui::GetTextLineHeight() * 1.25f);
    const float plot_x0 = origin.x + label_w + ctx.font_size * 0.6f;
    const float plot_x1 = origin.x + avail.x - ctx.font_size * 0.6f;
    const float plot_w = std::max(10.0f, plot_x1 - plot_x0);
    const double end_time = std::max({s.clock, last_event_time_, 0.001});
    const double fit_span = end_time * 1.05;
    const double span = fit_span / zoom_;
    const double t0 = pan_;
    auto x_of = [&](double t) { return plot_x0 + static_cast<float>((t - t0) / span) * plot_w; };

    // Wheel zooms around the pointer; dragging pans.
    ImGui::InvisibleButton("##timeline_area", avail);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && ImGui::GetIO().MouseWheel != 0.0f) {
        const double at = t0 + (mouse.x - plot_x0) / plot_w * span;
        zoom_ = std::clamp(zoom_ * (ImGui::GetIO().MouseWheel > 0 ? 1.25f : 0.8f), 1.0f, 2000.0f);
        const double new_span = fit_span / zoom_;
        pan_ = std::max(0.0, at - (mouse.x - plot_x0) / plot_w * new_span);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        pan_ = std::max(0.0, pan_ - ImGui::GetIO().MouseDelta.x / plot_w * span);
    }

    // Axis: labelled ticks and faint grid lines.
    const float top = origin.y + axis_h;
    const float bottom = origin.y + avail.y;
    dl->PushClipRect(ImVec2(plot_x0 - 2, origin.y), ImVec2(plot_x1 + ctx.font_size * 0.6f, bottom), true);
    const double step = axis_step(span, static_cast<int>(plot_w / (ctx.font_size * 5)));
    for (double t = std::floor(t0 / step) * step; t <= t0 + span; t += step) {
        if (t < 0) continue;
        const float x = x_of(t);
        dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), ctx.color(ImVec4(p.border.x, p.border.y, p.border.z, 0.6f)));
        const std::string label = time_text(t) + " s";
        dl->AddText(ImVec2(x + 3, origin.y), ctx.color(p.text_muted), label.c_str());
    }
    dl->PopClipRect();

    // Rows, only those that fit (clipping by hand: the rows are drawn, not laid out).
    const float content_h = bottom - top;
    const int visible_rows = std::max(1, static_cast<int>(content_h / row_h));
    const int shown = std::min(static_cast<int>(rows.size()), visible_rows);
    std::string tooltip;
    for (int i = 0; i < shown; ++i) {
        const Row& row = *rows[static_cast<std::size_t>(i)];
        const float y0 = top + static_cast<float>(i) * row_h;
        const float bar0 = y0 + row_h * 0.18f;
        const float bar1 = y0 + row_h * 0.82f;
        dl->AddText(ImVec2(origin.x, y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f), ctx.color(p.text), row.label.c_str());
        dl->PushClipRect(ImVec2(plot_x0, y0), ImVec2(plot_x1, y0 + row_h), true);
        for (std::size_t c = 0; c < row.changes.size(); ++c) {
            const double a = row.changes[c].first;
            const TaskState st = row.changes[c].second;
            const bool last = c + 1 == row.changes.size();
            double b = last ? s.clock : row.changes[c + 1].first;
            if (last && st == TaskState::Done) b = a; // a finished task's bar ends where it finished
            float xa = x_of(a);
            float xb = x_of(b);
            // Instants (running takes no virtual time) still show: a sliver at least 3 px wide.
            if (xb - xa < 3.0f && (st == TaskState::Running || (st == TaskState::Done && last))) xb = xa + 3.0f;
            if (xb <= xa) continue;
            dl->AddRectFilled(ImVec2(xa, bar0), ImVec2(xb, bar1), ctx.color(state_color(p, st)), 2.0f);
            if (hovered && mouse.x >= xa && mouse.x < xb && mouse.y >= y0 && mouse.y < y0 + row_h) {
                tooltip = fmt::format("{}\n{} from t = {} s to t = {} s", row.label, ll::session::to_string(st), time_text(a),
                                      last && st != TaskState::Done ? "now (" + time_text(b) + ")" : time_text(b));
            }
        }
        for (const auto& [t, text] : row.prints) {
            const float x = x_of(t);
            const float m = row_h * 0.22f;
            dl->AddTriangleFilled(ImVec2(x - m, y0), ImVec2(x + m, y0), ImVec2(x, y0 + m * 1.3f), ctx.color(p.text));
            if (hovered && std::abs(mouse.x - x) <= m && mouse.y >= y0 && mouse.y < y0 + row_h) {
                tooltip = fmt::format("{} printed at t = {} s:\n{}", row.label, time_text(t), text);
            }
        }
        dl->PopClipRect();
    }
    if (static_cast<int>(rows.size()) > shown) {
        const std::string more = fmt::format("+{} more tasks", rows.size() - static_cast<std::size_t>(shown));
        dl->AddText(ImVec2(origin.x, bottom - ImGui::GetTextLineHeight()), ctx.color(p.text_muted), more.c_str());
    }
    // The clock as a cursor.
    const float cx = x_of(s.clock);
    if (cx >= plot_x0 - 1 && cx <= plot_x1 + 1) {
        dl->AddLine(ImVec2(cx, origin.y), ImVec2(cx, bottom), ctx.color(p.accent), 2.0f);
    }
    if (!tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
    test_api::note_last_item(fmt::format("timeline {} rows##timeline_rows", rows.size()));
    ImGui::PopFont();
    end_panel();
}

} // namespace ll::web
