// The thin layer that knows it runs in a browser: canvas size and pixel ratio, the clipboard
// bridge, and the page notifications. Nothing else in web/ calls into JavaScript.
#pragma once

#include <functional>
#include <optional>
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

// The browser's click count (event.detail) of the oldest left press on the canvas not yet taken;
// `fallback` if none is queued. Called once per SDL left-button press, in order.
int take_click_count(int fallback);
// Drops counts SDL never turned into a press (both see a press in the same browser event, so
// none should be left once SDL's queue is empty), so that one stray press cannot shift the rest.
void forget_click_counts();

// Resolves window.looplab.ready and removes the loading overlay.
void notify_first_frame();

// Shows a message in the page (outside the canvas) when the app cannot go on.
void show_fatal_error(const char* message);

// A monotonic clock in milliseconds (performance.now), for measuring frame cost.
double now_ms();

// Milliseconds since 1970 (the browser's clock), for naming backups.
double unix_time_ms();

// Writes to the browser console as a warning (problems worth a developer's look).
void log_warning(const std::string& message);

// --- local storage ---------------------------------------------------------------------------
struct StorageRead {
    bool available = true; // false: the browser refuses local storage (privacy mode, policy)
    bool present = false;
    std::string value;
};
StorageRead storage_read(const char* key);
bool storage_write(const char* key, const std::string& value); // false if refused (full, disabled)
void storage_remove(const char* key);
// Called synchronously when the page is being hidden or closed: the last chance to save.
void on_page_hide(std::function<void()> handler);

// --- files -------------------------------------------------------------------------------------
// Offers `text` as a download named `name`.
void download_text_file(const char* name, const std::string& text);
// Opens the browser's file picker; the chosen file arrives later through take_picked_file().
void pick_text_file(const char* accept);
struct PickedFile {
    std::string name;
    std::string text;
    std::string error; // non-empty if the file could not be read
};
std::optional<PickedFile> take_picked_file();
// Tests hand a file's contents in directly (window.looplab.importProgress).
void push_picked_file(PickedFile file);

// --- share links ---------------------------------------------------------------------------------
// Compresses `payload` (deflate-raw) into a link "<page>#p=<base64url>", refusing fragments
// longer than `max_fragment` characters, and copies it to the clipboard. Asynchronous: the
// outcome arrives through take_share_result().
void make_share_link(const std::string& payload, int max_fragment);
struct ShareResult {
    bool ok = false;
    bool too_large = false;
    bool copied = false;     // the browser accepted the clipboard write
    std::string url;
    std::size_t fragment_length = 0;
    std::string error;
};
std::optional<ShareResult> take_share_result();

// The page's own URL fragment, if it carries a program (#p=…), decoded at start-up. Arrives
// once, asynchronously; `error` is one of "bad-base64", "bad-deflate", "bad-text", "too-large".
struct IncomingLink {
    std::string payload;
    std::string error;
};
std::optional<IncomingLink> take_incoming_link();

} // namespace ll::web::platform
