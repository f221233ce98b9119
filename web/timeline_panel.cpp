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
    std::vector<Row> threads;          // by the trace's thread row (1: MainThread)
    const ll::session::Snapshot& snap = runner.snapshot();
    for (const TraceEvent& e : runner.session().trace()) {
        last_event_time_ = std::max(last_event_time_, e.time);
        if (e.kind == TraceEvent::Kind::Thread && e.thread > 0) {
            const std::size_t at = static_cast<std::size_t>(e.thread - 1);
            if (threads.size() <= at) threads.resize(at + 1);
            Row& row = threads[at];
            row.thread = e.thread;
            row.changes.emplace_back(e.time, e.state);
            row.change_details.push_back(e.detail);
            continue;
        }
        if (e.task == 0) continue;
        auto it = index.find(e.task);
        if (it == index.end()) {
            if (e.kind != TraceEvent::Kind::TaskCreated && e.kind != TraceEvent::Kind::TaskState) continue;
            Row row;
            row.task = e.task;
            if (const ll::session::TaskView* t = snap.task(e.task)) {
                row.label = fmt::format("{} {}", t->name, t->coro);
                row.internal = t->internal;
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
    // Thread rows first (a handful, always on screen), named as the snapshot names them.
    std::vector<Row> all;
    for (Row& t : threads) {
        if (t.thread == 0) continue;
        const std::size_t at = static_cast<std::size_t>(t.thread - 1);
        t.label = at < snap.threads.size() ? snap.threads[at].name : fmt::format("thread {}", t.thread);
        all.push_back(std::move(t));
    }
    thread_rows_ = all.size();
    for (Row& r : rows_) all.push_back(std::move(r));
    rows_ = std::move(all);
    built_generation_ = runner.generation();
}

void TimelinePanel::draw_row(const UiContext& ctx, const Row& row, const RowGeometry& g, std::string& tooltip)
{
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float plot_w = g.plot_x1 - g.plot_x0;
    auto x_of = [&](double t) { return g.plot_x0 + static_cast<float>((t - g.t0) / g.span) * plot_w; };
    const double t_end = g.t0 + g.span;
    // Thread rows are thinner bars on a tinted band, so they never read as tasks.
    const float inset = row.thread ? std::max(1.0f, g.row_h * 0.28f) : std::max(1.0f, g.row_h * 0.15f);
    const float bar0 = g.y0 + inset;
    const float bar1 = g.y0 + g.row_h - inset;
    const bool row_hovered = g.hovered && g.mouse.y >= g.y0 && g.mouse.y < g.y0 + g.row_h;

    // Only the segments that reach the visible span: the first is the last change at or before t0.
    const auto& ch = row.changes;
    std::size_t first = static_cast<std::size_t>(
        std::upper_bound(ch.begin(), ch.end(), g.t0, [](double t, const auto& c) { return t < c.first; }) - ch.begin());
    first = first > 0 ? first - 1 : 0;
    // Runs of segments narrower than a pixel merge into one bar coloured by the widest of them:
    // a thousand slivers cost what the pixels show.
    float run_x0 = 0, run_x1 = 0, run_best = -1;
    float drawn_end = -1e9f;
    ImU32 run_color = 0;
    auto flush = [&] {
        if (run_best < 0) return;
        const float rounding = run_x1 - run_x0 >= 6.0f ? 2.0f : 0.0f;
        dl->AddRectFilled(ImVec2(run_x0, bar0), ImVec2(run_x1, bar1), run_color, rounding);
        ++drawn_rects_;
        run_best = -1;
    };
    for (std::size_t c = first; c < ch.size(); ++c) {
        const double a = ch[c].first;
        if (a > t_end) break;
        const TaskState st = ch[c].second;
        const bool last = c + 1 == ch.size();
        double b = last ? g.clock : ch[c + 1].first;
        if (last && st == TaskState::Done) b = a; // a finished task's bar ends where it finished
        if (row.thread && st == TaskState::Done) continue; // an ended thread draws nothing more
        float xa = x_of(a);
        float xb = x_of(b);
        // Instants (running takes no virtual time) still show: a sliver at least 3 px wide.
        if (xb - xa < 3.0f && (st == TaskState::Running || (st == TaskState::Done && last))) xb = xa + 3.0f;
        // A sliver is not covered by the segment after it: that one starts where it ends.
        xa = std::max(xa, drawn_end);
        if (xb <= xa || xb < g.plot_x0 - 4.0f) continue;
        drawn_end = xb;
        xa = std::max(xa, g.plot_x0 - 4.0f);
        xb = std::min(xb, g.plot_x1 + 4.0f);
        const float w = xb - xa;
        const ImU32 color = ctx.color(state_color(p, st));
        if (run_best >= 0 && xa <= run_x1 + 1.0f && (w < 1.0f || run_x1 - run_x0 < 1.0f)) {
            run_x1 = std::max(run_x1, xb);
            if (w > run_best) {
                run_best = w;
                run_color = color;
            }
        } else {
            flush();
            run_x0 = xa;
            run_x1 = xb;
            run_best = w;
            run_color = color;
        }
        if (row_hovered && g.mouse.x >= xa && g.mouse.x < xb) {
            const std::string until = last && st != TaskState::Done ? "now (" + time_text(b) + ")" : time_text(b);
            if (row.thread) {
                const char* what = st == TaskState::Running ? "running, holding the GIL"
                                   : st == TaskState::Ready ? "waiting for the GIL"
                                                            : "blocked";
                tooltip = fmt::format("thread {}\n{} from t = {} s to t = {} s\n{}", row.label, what, time_text(a), until,
                                      row.change_details[c]);
            } else {
                tooltip = fmt::format("{}\n{} from t = {} s to t = {} s", row.label, ll::session::to_string(st), time_text(a), until);
            }
        }
    }
    flush();
    // Print markers in the visible span; several on one pixel are drawn once.
    const auto& pr = row.prints;
    auto pi = std::lower_bound(pr.begin(), pr.end(), g.t0, [](const auto& x, double t) { return x.first < t; });
    float last_x = -1e9f;
    const float m = std::max(3.0f, g.row_h * 0.22f);
    for (; pi != pr.end() && pi->first <= t_end; ++pi) {
        const float x = x_of(pi->first);
        if (x - last_x >= 1.0f) {
            dl->AddTriangleFilled(ImVec2(x - m, g.y0), ImVec2(x + m, g.y0), ImVec2(x, g.y0 + m * 1.3f), ctx.color(p.text));
            last_x = x;
        }
        if (row_hovered && std::abs(g.mouse.x - x) <= m) {
            tooltip = fmt::format("{} printed at t = {} s:\n{}", row.label, time_text(pi->first), pi->second);
        }
    }
}

void TimelinePanel::draw(const UiContext& ctx, ImVec2 size, SessionRunner& runner)
{
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    // The body gets a thin margin of its own rather than the panels' padding: on a short screen
    // those pixels are what lets the rows carry their names.
    begin_panel(ctx, "Timeline", "TIMELINE", size, {}, false);
    const float margin_x = ctx.font_size * 0.9f;
    const float margin_y = ctx.font_size * 0.2f;
    ImGui::SetCursorPos(ImVec2(margin_x, margin_y));
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
    const ImVec2 avail(ImGui::GetContentRegionAvail().x - margin_x, ImGui::GetContentRegionAvail().y - margin_y);
    const float label_w = std::min(avail.x * 0.3f, ImGui::CalcTextSize("Task-10 fetch_page").x);
    // The axis row is in the smaller caption face, leaving the height to the rows.
    ImGui::PushFont(ctx.fonts.caption);
    ImFont* const axis_font = ImGui::GetFont();
    const float axis_font_size = ImGui::GetFontSize();
    const float axis_h = ImGui::GetTextLineHeight() + 3;
    // Zoomed or panned: a Fit button in the axis row's label column brings everything back.
    if (zoom_ != 1.0f || pan_ != 0.0) {
        if (ImGui::SmallButton("Fit")) {
            zoom_ = 1.0f;
            pan_ = 0.0;
        }
    }
    ImGui::PopFont();
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
        dl->AddText(axis_font, axis_font_size, ImVec2(x + 3, origin.y), ctx.color(p.text_muted), label.c_str());
    }
    dl->PopClipRect();

    // Rows, only those that fit (clipping by hand: the rows are drawn, not laid out). Thread
    // rows come first, on a tinted band with their names in the accent colour.
    const float content_h = bottom - top;
    const int visible_rows = std::max(1, static_cast<int>(content_h / row_h));
    const int shown = std::min(static_cast<int>(rows.size()), visible_rows);
    std::size_t threads_shown = 0;
    std::string tooltip;
    drawn_rects_ = 0;
    RowGeometry g{0, row_h, plot_x0, plot_x1, t0, span, s.clock, hovered, mouse};
    for (int i = 0; i < shown; ++i) {
        const Row& row = *rows[static_cast<std::size_t>(i)];
        const float y0 = top + static_cast<float>(i) * row_h;
        if (row.thread) {
            ++threads_shown;
            dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(plot_x1, y0 + row_h), ctx.color(ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.08f)));
        } else if (i > 0 && rows[static_cast<std::size_t>(i) - 1]->thread) {
            dl->AddLine(ImVec2(origin.x, y0), ImVec2(plot_x1, y0), ctx.color(p.border));
        }
        if (row_labels) {
            const std::string& text = row.label;
            dl->AddText(ImGui::GetFont(), label_size, ImVec2(origin.x, y0 + (row_h - label_size * line_h / ImGui::GetFontSize()) * 0.5f),
                        ctx.color(row.thread ? p.accent : p.text), text.c_str());
        }
        if (hovered && mouse.y >= y0 && mouse.y < y0 + row_h && mouse.x < plot_x0) {
            tooltip = row.thread ? fmt::format("thread {}: a simulated OS thread (worker threads, executor workers)\n"
                                               "running = holds the GIL, ready = waits for the GIL, pending = blocked",
                                               row.label)
                                 : row.label;
        }
        dl->PushClipRect(ImVec2(plot_x0, y0), ImVec2(plot_x1, y0 + row_h), true);
        g.y0 = y0;
        draw_row(ctx, row, g, tooltip);
        dl->PopClipRect();
    }
    const std::size_t task_rows = rows.size() - thread_rows_;
    const std::size_t tasks_shown = static_cast<std::size_t>(shown) - threads_shown;
    if (task_rows > tasks_shown) {
        const std::string more = fmt::format("+{} more tasks", task_rows - tasks_shown);
        dl->AddText(ImVec2(origin.x, bottom - ImGui::GetTextLineHeight()), ctx.color(p.text_muted), more.c_str());
    }
    // The clock as a cursor.
    const float cx = x_of(s.clock);
    if (cx >= plot_x0 - 1 && cx <= plot_x1 + 1) {
        dl->AddLine(ImVec2(cx, origin.y), ImVec2(cx, bottom), ctx.color(p.accent), 2.0f);
    }
    if (!tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
    tooltip_ = tooltip;
    geometry_ = g;
    geometry_.y0 = top;
    test_api::note_last_item(fmt::format("timeline {} rows##timeline_rows", rows.size()));
    if (!registered_) {
        // window.looplab.state().timeline: the rows as drawn (threads with their states), the
        // view and how many bars the last frame drew, for the browser tests.
        test_api::set_section("timeline", [this](std::string& out) {
            out += fmt::format("{{\"zoom\":{:.3f},\"pan\":{:.3f},\"drawnRects\":{},\"taskRows\":{},", zoom_, pan_, drawn_rects_,
                               rows_.size() - thread_rows_);
            out += fmt::format("\"top\":{:.1f},\"rowH\":{:.1f},\"plotX0\":{:.1f},\"plotX1\":{:.1f},\"t0\":{},\"span\":{},",
                               geometry_.y0, geometry_.row_h, geometry_.plot_x0, geometry_.plot_x1, geometry_.t0, geometry_.span);
            out += "\"tooltip\":";
            test_api::append_json_string(out, tooltip_);
            out += ",\"threads\":[";
            for (std::size_t i = 0; i < thread_rows_; ++i) {
                if (i) out += ',';
                out += "{\"name\":";
                test_api::append_json_string(out, rows_[i].label);
                out += ",\"states\":[";
                for (std::size_t c = 0; c < rows_[i].changes.size(); ++c) {
                    out += fmt::format("{}{{\"t\":{},\"state\":\"{}\"}}", c ? "," : "", rows_[i].changes[c].first,
                                       ll::session::to_string(rows_[i].changes[c].second));
                }
                out += "]}";
            }
            out += "]}";
        });
        registered_ = true;
    }
    ImGui::PopFont();
    end_panel();
}

} // namespace ll::web
