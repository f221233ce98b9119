// Small drawing helpers shared by the panels, so every panel has the same header, captions,
// empty states and honest "not yet" controls.
#pragma once

#include <functional>

#include "ui_context.h"

#include <string_view>

namespace ll::web {

// Opens a panel as a child window at the cursor, with a header strip showing `title` in capitals
// and, right-aligned, an optional muted note. Returns the body's content region; always pair
// with end_panel(). Without `pad_body` the body reaches the panel's edges (the code editor draws
// its own gutter there). `header_widgets`, if given, draws small widgets on the header strip
// after the title (a short panel keeps its body for content).
void begin_panel(const UiContext& ctx, const char* id, const char* title, ImVec2 size,
                 std::string_view note = {}, bool pad_body = true, const std::function<void()>& header_widgets = {});
void end_panel();

// Text in the muted colour, wrapped to the available width.
void muted_text(const UiContext& ctx, std::string_view text);

// A small capitalised section caption, e.g. "READY QUEUE".
void section_caption(const UiContext& ctx, const char* text);

// A centred, muted message for a panel with nothing to show yet.
void empty_state(const UiContext& ctx, std::string_view headline, std::string_view detail);

// A button that is drawn but cannot be pressed yet, explaining why on hover.
void unavailable_button(const char* label, const char* why, ImVec2 size = ImVec2(0, 0));

// A draggable bar between two panes. Returns how far (in ImGui units) it was dragged this frame
// along its axis: x for a vertical bar, y for a horizontal one.
float splitter(const UiContext& ctx, const char* id, ImVec2 pos, ImVec2 size, bool vertical);

} // namespace ll::web
