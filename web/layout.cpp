// Pane geometry. Every pane keeps a minimum size so a drag or a small window never hides one.
#include "layout.h"

#include <algorithm>
#include <cmath>

namespace ll::web {
namespace {

constexpr float min_column = 160.0f;
constexpr float min_row = 70.0f;

float top_bar_height(float font_size) { return font_size * 3.0f; }
float controls_height(float font_size) { return font_size * 3.0f; }

float clamp_fraction(float value, float lo, float hi)
{
    return hi < lo ? lo : std::clamp(value, lo, hi);
}

} // namespace

PaneRects Layout::compute(ImVec2 size, float gap, float font_size) const
{
    PaneRects r{};
    const float top_h = top_bar_height(font_size);
    const float bar_h = controls_height(font_size);

    r.top_bar_pos = ImVec2(0, 0);
    r.top_bar_size = ImVec2(size.x, top_h);

    const float below = std::max(0.0f, size.y - top_h - gap);
    float bottom_h = std::round(below * bottom_fraction);
    bottom_h = std::clamp(bottom_h, bar_h + 2 * min_row + 2 * gap, std::max(bar_h + 2 * min_row + 2 * gap, below - min_row));
    const float columns_h = std::max(min_row, below - bottom_h - gap);
    const float columns_y = top_h + gap;
    const float inner_w = std::max(0.0f, size.x - 2 * gap);

    float lesson_w = std::round(inner_w * lesson_fraction);
    float loop_w = std::round(inner_w * loop_fraction);
    lesson_w = std::max(min_column, lesson_w);
    loop_w = std::max(min_column, loop_w);
    const float code_w = std::max(min_column, inner_w - 2 * gap - lesson_w - loop_w);

    r.lesson_pos = ImVec2(gap, columns_y);
    r.lesson_size = ImVec2(lesson_w, columns_h);
    r.split_lesson_code_pos = ImVec2(gap + lesson_w, columns_y);
    r.code_pos = ImVec2(gap + lesson_w + gap, columns_y);
    r.code_size = ImVec2(code_w, columns_h);
    r.split_code_loop_pos = ImVec2(r.code_pos.x + code_w, columns_y);
    r.loop_pos = ImVec2(r.code_pos.x + code_w + gap, columns_y);
    r.loop_size = ImVec2(std::max(min_column, size.x - gap - r.loop_pos.x), columns_h);
    r.vertical_split_size = ImVec2(gap, columns_h);

    const float bottom_y = columns_y + columns_h + gap;
    r.split_columns_bottom_pos = ImVec2(gap, columns_y + columns_h);
    r.columns_bottom_split_size = ImVec2(inner_w, gap);

    r.controls_pos = ImVec2(gap, bottom_y);
    r.controls_size = ImVec2(inner_w, bar_h);

    const float rows_h = std::max(2 * min_row, size.y - gap - (bottom_y + bar_h + gap) - gap);
    float timeline_h = std::round(rows_h * timeline_fraction);
    timeline_h = clamp_fraction(timeline_h, min_row, rows_h - min_row);
    r.timeline_pos = ImVec2(gap, bottom_y + bar_h + gap);
    r.timeline_size = ImVec2(inner_w, timeline_h);
    r.split_timeline_console_pos = ImVec2(gap, r.timeline_pos.y + timeline_h);
    r.timeline_console_split_size = ImVec2(inner_w, gap);
    r.console_pos = ImVec2(gap, r.timeline_pos.y + timeline_h + gap);
    r.console_size = ImVec2(inner_w, std::max(min_row, size.y - gap - r.console_pos.y));
    return r;
}

void Layout::drag_lesson_code(float dx, ImVec2 size)
{
    if (size.x <= 0) return;
    const float max_fraction = 1.0f - loop_fraction - (min_column + 40.0f) / size.x;
    lesson_fraction = clamp_fraction(lesson_fraction + dx / size.x, min_column / size.x, max_fraction);
}

void Layout::drag_code_loop(float dx, ImVec2 size)
{
    if (size.x <= 0) return;
    const float max_fraction = 1.0f - lesson_fraction - (min_column + 40.0f) / size.x;
    loop_fraction = clamp_fraction(loop_fraction - dx / size.x, min_column / size.x, max_fraction);
}

void Layout::drag_columns_bottom(float dy, ImVec2 size, float font_size)
{
    const float below = size.y - top_bar_height(font_size);
    if (below <= 0) return;
    const float lo = (controls_height(font_size) + 2 * min_row) / below;
    bottom_fraction = clamp_fraction(bottom_fraction - dy / below, lo, 1.0f - min_row / below);
}

void Layout::drag_timeline_console(float dy, ImVec2 size, float font_size)
{
    const float rows = size.y * bottom_fraction - controls_height(font_size);
    if (rows <= 0) return;
    timeline_fraction = clamp_fraction(timeline_fraction + dy / rows, min_row / rows, 1.0f - min_row / rows);
}

} // namespace ll::web
