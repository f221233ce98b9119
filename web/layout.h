// Where each pane goes: the sizes the splitters control, kept as fractions so that a window
// resize keeps the proportions the learner chose.
#pragma once

#include <imgui.h>

namespace ll::web {

struct PaneRects {
    ImVec2 top_bar_pos, top_bar_size;
    ImVec2 lesson_pos, lesson_size;
    ImVec2 code_pos, code_size;
    ImVec2 loop_pos, loop_size;
    ImVec2 controls_pos, controls_size;
    ImVec2 timeline_pos, timeline_size;
    ImVec2 console_pos, console_size;
    // The draggable gaps.
    ImVec2 split_lesson_code_pos, split_code_loop_pos, split_columns_bottom_pos, split_timeline_console_pos;
    ImVec2 vertical_split_size, columns_bottom_split_size, timeline_console_split_size;
};

struct Layout {
    float lesson_fraction = 0.27f; // of the width
    float loop_fraction = 0.27f;   // of the width
    float bottom_fraction = 0.40f; // of the height under the top bar: controls + timeline + console
    float timeline_fraction = 0.62f; // of the timeline + console height

    // Computes every pane for a viewport of `size` (ImGui units = CSS px), with a gap between
    // panes of `gap`, and the fixed heights of the bars derived from the font size.
    PaneRects compute(ImVec2 size, float gap, float font_size) const;

    // Applies splitter drags (in ImGui units) given the viewport they were measured in.
    void drag_lesson_code(float dx, ImVec2 size);
    void drag_code_loop(float dx, ImVec2 size);
    void drag_columns_bottom(float dy, ImVec2 size, float font_size);
    void drag_timeline_console(float dy, ImVec2 size, float font_size);
};

} // namespace ll::web
