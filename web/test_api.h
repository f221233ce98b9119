// The JavaScript test API behind window.looplab.state(): what the last frame drew, as JSON.
// Dear ImGui's test-engine hooks report every labelled widget; panels add facts of their own.
#pragma once

#include <functional>
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
    std::size_t clipboard_length = 0;
    double frame_cpu_ms = 0; // CPU time of our frame function: the median of the last 64 frames (as all below)
    double frame_cpu_p90_ms = 0; // ... and its 90th percentile
    double frame_ui_ms = 0;  // the part before WebGL: events, layout, drawing into ImGui's lists
    double frame_gl_ms = 0;    // handing the draw lists to WebGL (GlRenderer::render)
    double frame_swap_ms = 0;  // SDL_GL_SwapWindow
    double frame_after_ms = 0; // saving progress
    int draw_vertices = 0;     // the last frame's geometry: vertices, indices and draw commands
    int draw_indices = 0;
    int draw_commands = 0;
    std::string parts_json; // {"part": ms, ...}: the UI part by pane (medians), already JSON
};
void set_facts(const AppFacts& facts);

// A named part of the state document (e.g. "editor", "storage"), written on demand when a test
// asks: writers append one JSON value to `out`. Registering a name again replaces its writer.
void set_section(std::string name, std::function<void(std::string& out)> writer);

// A command tests can run through window.looplab.command(name, arg): the handler's answer is
// returned to JavaScript as a string.
void set_command(std::string name, std::function<std::string(const std::string& arg)> handler);

// Appends `s` as a JSON string literal.
void append_json_string(std::string& out, std::string_view s);

// The JSON document returned to JavaScript; valid until the next call.
const std::string& state_json();

} // namespace ll::web::test_api
