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

// The legend of state colours and the "virtual time" reminder, right-aligned in the panel's header strip (the body keeps every
// pixel for rows). Drawn through the body's draw list with the header's clip rectangle.
void draw_legend(const UiContext& ctx, ImVec2 panel_min, float width)
{
    const float header_h = ctx.font_size * 2.2f; // as begin_panel draws it
    const float pad = ctx.font_size * 0.9f;
    const float box = ctx.font_size * 0.7f;
    const Palette& p = *ctx.palette;
    struct Entry {
        const ImVec4* color;
        const char* name;
    };
    const Entry entries[] = {{&p.task_pending, "pending"}, {&p.task_ready, "ready"}, {&p.task_running, "running"},
                             {&p.task_done, "done"}, {&p.text, "print"}};
    const float gap = ctx.font_size * 0.4f;
    const float spacing = ctx.font_size * 1.1f;
    float total = 0;
    for (const Entry& e : entries) total += box + gap + ImGui::CalcTextSize(e.name).x + spacing;
    // Then the reminder that the axis is virtual time.
    const char* note = "virtual time: no real waiting";
    total += ImGui::CalcTextSize(note).x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(panel_min, ImVec2(panel_min.x + width, panel_min.y + header_h), false);
    float x = panel_min.x + width - pad - total;
    const float text_y = panel_min.y + (header_h - ImGui::GetTextLineHeight()) * 0.5f;
    const float box_y = panel_min.y + (header_h - box) * 0.5f;
    for (const Entry& e : entries) {
        if (e.color == &p.text) {
            dl->AddTriangleFilled(ImVec2(x, box_y), ImVec2(x + box, box_y), ImVec2(x + box * 0.5f, box_y + box), ctx.color(*e.color));
        } else {
            dl->AddRectFilled(ImVec2(x, box_y), ImVec2(x + box, box_y + box), ctx.color(*e.color), 2.0f);
        }
        x += box + gap;
        dl->AddText(ImVec2(x, text_y), ctx.color(p.text_muted), e.name);
        x += ImGui::CalcTextSize(e.name).x + spacing;
    }
    dl->AddText(ImVec2(x, text_y), ctx.color(p.text_muted), note);
    dl->PopClipRect();
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
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    begin_panel(ctx, "Timeline", "TIMELINE", size);
    const Palette& p = *ctx.palette;
    draw_legend(ctx, panel_min, size.x);
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
    // Zoomed or panned: a Fit button in the axis row's label column brings everything back.
    if (zoom_ != 1.0f || pan_ != 0.0) {
        if (ImGui::SmallButton("Fit")) {
            zoom_ = 1.0f;
            pan_ = 0.0;
        }
    }
    const float line_h = ImGui::GetTextLineHeight();
    // Rows shrink to fit the panel (down to a few pixels: the shape still reads at a glance);
    // labels are drawn while a row is tall enough for text.
    const float content_h0 = origin.y + avail.y - (origin.y + axis_h);
    const float row_h = std::clamp(std::floor(content_h0 / static_cast<float>(rows.size())), 5.0f, std::round(line_h * 1.3f));
    // Labels shrink with the rows (a smaller size of the same face) until they would be unreadable.
    const float label_size = std::min(ImGui::GetFontSize(), row_h - 1.0f);
    const bool row_labels = label_size >= 9.0f;
    const float plot_x0 = origin.x + label_w + ctx.font_size * 0.6f;
    const float plot_x1 = origin.x + avail.x - ctx.font_size * 0.6f;
    const float plot_w = std::max(10.0f, plot_x1 - plot_x0);
    // The span covers what happened and what is already scheduled (the timers' due times), so
    // the six fetches' three seconds are visible from the first tick; at least one second.
    double end_time = std::max({s.clock, last_event_time_, 1.0});
    for (const ll::session::HandleView& h : s.timers) end_time = std::max(end_time, h.when);
    const double fit_span = end_time * 1.05;
    const double span = fit_span / zoom_;
    const double t0 = pan_;
    auto x_of = [&](double t) { return plot_x0 + static_cast<float>((t - t0) / span) * plot_w; };

    // Wheel zooms around the pointer; dragging pans.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + axis_h));
    ImGui::InvisibleButton("##timeline_area", ImVec2(avail.x, std::max(1.0f, avail.y - axis_h)));
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
        const float bar0 = y0 + std::max(1.0f, row_h * 0.15f);
        const float bar1 = y0 + row_h - std::max(1.0f, row_h * 0.15f);
        if (row_labels) {
            dl->AddText(ImGui::GetFont(), label_size, ImVec2(origin.x, y0 + (row_h - label_size * line_h / ImGui::GetFontSize()) * 0.5f),
                        ctx.color(p.text), row.label.c_str());
        }
        if (hovered && mouse.y >= y0 && mouse.y < y0 + row_h && mouse.x < plot_x0) tooltip = row.label;
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
            const float m = std::max(3.0f, row_h * 0.22f);
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
