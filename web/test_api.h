// The JavaScript test API behind window.looplab.state(): what the last frame drew, as JSON.
// Dear ImGui's test-engine hooks report every labelled widget; panels add facts of their own.
#pragma once

#include <string>
#include <string_view>

namespace ll::web::test_api {

// Starts recording a new frame's widgets (the previous frame's list is what state() reports).
void begin_frame();
// Publishes this frame's widgets as the current ones.
void end_frame();

// Records the last submitted ImGui item (e.g. a Text) under a label, for items that have none.
void note_last_item(std::string_view label);

// App-wide facts reported beside the widgets; set by the app each frame.
struct AppFacts {
    long frame = 0;
    const char* theme = "dark";
    float font_size = 0;
    int canvas_w = 0; // framebuffer size in device pixels
    int canvas_h = 0;
    float dpr = 1;
    int css_w = 0; // the same canvas in CSS pixels
    int css_h = 0;
    std::size_t editor_length = 0;
    int editor_lines = 0;
    bool editor_active = false;
    std::size_t clipboard_length = 0;
};
void set_facts(const AppFacts& facts);

// The JSON document returned to JavaScript; valid until the next call.
const std::string& state_json();

} // namespace ll::web::test_api
