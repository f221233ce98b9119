// Browser glue through EM_JS. SDL 2.26's Emscripten backend has no clipboard, and it cancels the
// browser's default action for every Ctrl+key, which would stop 'paste' from ever firing; both
// are bridged here. Listeners call back into C++ through exported functions.
#include "platform_web.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

namespace {

std::string& local_clipboard()
{
    static std::string text;
    return text;
}

bool pending_paste = false;

} // namespace

extern "C" {

// Called by the page's 'paste' listener with the pasted plain text.
EMSCRIPTEN_KEEPALIVE void ll_on_paste(const char* text)
{
    local_clipboard() = text != nullptr ? text : "";
    pending_paste = true;
}

} // extern "C"

// clang-format off
EM_JS(void, ll_js_install, (), {
    // Let Ctrl/Cmd+V reach the browser: stopping the event here, in the capture phase, keeps SDL's
    // handler (which cancels the default action) from seeing it, so the browser fires 'paste'.
    window.addEventListener('keydown', function(e) {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) {
            e.stopImmediatePropagation();
        }
    }, true);
    document.addEventListener('paste', function(e) {
        var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
        e.preventDefault();
        if (text) Module.ccall('ll_on_paste', null, ['string'], [text]);
    });
    // A pixel-ratio change (zoom, moving to another screen) does not always fire 'resize'; SDL
    // only re-reads the ratio on 'resize', so fire one whenever the ratio changes.
    function watchRatio() {
        var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        var onChange = function() {
            query.removeEventListener('change', onChange);
            window.dispatchEvent(new Event('resize'));
            watchRatio();
        };
        query.addEventListener('change', onChange);
    }
    watchRatio();
});

EM_JS(void, ll_js_request_resize, (), {
    window.dispatchEvent(new Event('resize'));
});

EM_JS(void, ll_js_write_clipboard, (const char* text), {
    var s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        // Without permission (or focus) the browser refuses; the local copy still pastes in-app.
        navigator.clipboard.writeText(s).catch(function() {});
    }
});

EM_JS(void, ll_js_first_frame, (), {
    if (window.looplab && window.looplab._resolveReady) window.looplab._resolveReady();
});

EM_JS(void, ll_js_fatal, (const char* message), {
    var s = UTF8ToString(message);
    if (window.looplab && window.looplab._fail) window.looplab._fail(s); else console.error(s);
});
// clang-format on

namespace ll::web::platform {

void install()
{
    ll_js_install();
}

CanvasSize canvas_size()
{
    double w = 0;
    double h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    CanvasSize size;
    size.css_w = static_cast<int>(std::lround(w));
    size.css_h = static_cast<int>(std::lround(h));
    size.dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    return size;
}

void framebuffer_size(int& w, int& h)
{
    emscripten_get_canvas_element_size("#canvas", &w, &h);
}

void request_resize()
{
    ll_js_request_resize();
}

void set_clipboard_text(const char* text)
{
    local_clipboard() = text != nullptr ? text : "";
    ll_js_write_clipboard(local_clipboard().c_str());
}

const char* clipboard_text()
{
    return local_clipboard().c_str();
}

std::size_t clipboard_length()
{
    return local_clipboard().size();
}

bool take_pending_paste()
{
    const bool was = pending_paste;
    pending_paste = false;
    return was;
}

void notify_first_frame()
{
    ll_js_first_frame();
}

void show_fatal_error(const char* message)
{
    ll_js_fatal(message);
}

} // namespace ll::web::platform
