// The thin layer that knows it runs in a browser: canvas size and pixel ratio, the clipboard
// bridge, and the page notifications. Nothing else in web/ calls into JavaScript.
#pragma once

#include <string>

namespace ll::web::platform {

struct CanvasSize {
    int css_w = 0; // the canvas element's size in CSS pixels
    int css_h = 0;
    float dpr = 1; // window.devicePixelRatio
};

// Registers the page listeners: browser paste events, Ctrl/Cmd+V passing through to the browser
// (so it fires 'paste'), and a pixel-ratio watcher that re-fires 'resize' when the ratio changes.
void install();

CanvasSize canvas_size();

// The canvas's drawing buffer in device pixels (what WebGL renders into).
void framebuffer_size(int& w, int& h);

// Asks SDL to re-read the canvas size (it listens to the window's 'resize' event).
void request_resize();

// ImGui's clipboard callbacks: copy goes to navigator.clipboard and a local copy; paste reads
// the local copy, which the browser's paste event fills.
void set_clipboard_text(const char* text);
const char* clipboard_text();
std::size_t clipboard_length();

// True once per browser paste event: the app then replays Ctrl+V into ImGui.
bool take_pending_paste();

// Resolves window.looplab.ready and removes the loading overlay.
void notify_first_frame();

// Shows a message in the page (outside the canvas) when the app cannot go on.
void show_fatal_error(const char* message);

} // namespace ll::web::platform
