// Browser glue through EM_JS. SDL 2.26's Emscripten backend has no clipboard, and it cancels the
// browser's default action for every Ctrl+key, which would stop 'paste' from ever firing; both
// are bridged here. Listeners call back into C++ through exported functions.
#include "platform_web.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>
#include <deque>

namespace {

using namespace ll::web::platform;

std::string& local_clipboard()
{
    static std::string text;
    return text;
}

bool pending_paste = false;

// Results of asynchronous browser work, collected by the frame loop.
struct Inbox {
    std::deque<PickedFile> files;
    std::deque<ShareResult> shares;
    std::deque<IncomingLink> links;
    std::function<void()> page_hide;
};

Inbox& inbox()
{
    static Inbox box;
    return box;
}

std::string from_js(const char* s)
{
    return s != nullptr ? std::string(s) : std::string();
}

} // namespace

extern "C" {

// Called by the page's 'paste' listener with the pasted plain text.
EMSCRIPTEN_KEEPALIVE void ll_on_paste(const char* text)
{
    local_clipboard() = text != nullptr ? text : "";
    pending_paste = true;
}

// The file picker (or a test) delivered a file's text.
EMSCRIPTEN_KEEPALIVE void ll_on_file(const char* name, const char* text, const char* error)
{
    inbox().files.push_back(PickedFile{from_js(name), from_js(text), from_js(error)});
}

EMSCRIPTEN_KEEPALIVE void ll_on_share_result(int ok, int too_large, int copied, const char* url, int fragment_length,
                                             const char* error)
{
    ShareResult r;
    r.ok = ok != 0;
    r.too_large = too_large != 0;
    r.copied = copied != 0;
    r.url = from_js(url);
    r.fragment_length = static_cast<std::size_t>(fragment_length);
    r.error = from_js(error);
    inbox().shares.push_back(std::move(r));
}

EMSCRIPTEN_KEEPALIVE void ll_on_incoming_link(const char* payload, const char* error)
{
    inbox().links.push_back(IncomingLink{from_js(payload), from_js(error)});
}

// The page is going away: save now, the frame loop will not run again.
EMSCRIPTEN_KEEPALIVE void ll_on_page_hide()
{
    if (inbox().page_hide) inbox().page_hide();
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
    // The click count of each left press on the canvas, as the browser counted it (its
    // double-click time and distance are the user's system settings). SDL counts its own, within
    // 32 px and 500 ms, which turns a quick click on the next line into a double-click.
    Module.llClickCounts = [];
    window.addEventListener('mousedown', function(e) {
        if (e.button === 0 && e.target === Module['canvas']) Module.llClickCounts.push(e.detail || 1);
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

    // Strings for C++: copied into the wasm heap; the callee copies them before we free.
    Module.llCall = function(name, args) {
        var pointers = [];
        var converted = args.map(function(a) {
            if (typeof a !== 'string') return a;
            var n = lengthBytesUTF8(a) + 1;
            var p = _malloc(n);
            stringToUTF8(a, p, n);
            pointers.push(p);
            return p;
        });
        try { Module['_' + name].apply(null, converted); } finally { pointers.forEach(function(p) { _free(p); }); }
    };
    window.addEventListener('pagehide', function() { Module.llCall('ll_on_page_hide', []); });
    document.addEventListener('visibilitychange', function() {
        if (document.visibilityState === 'hidden') Module.llCall('ll_on_page_hide', []);
    });

    // Share links: #p=<base64url of deflate-raw(JSON)>.
    Module.llBase64Url = function(bytes) {
        var binary = "";
        for (var i = 0; i < bytes.length; i += 0x8000) {
            binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        }
        return btoa(binary).replace(/[+]/g, '-').replace(/[/]/g, '_').split("=")[0];
    };
    Module.llReadAll = function(stream, limit) {
        var reader = stream.getReader();
        var chunks = [];
        var total = 0;
        function pump() {
            return reader.read().then(function(step) {
                if (step.done) {
                    var out = new Uint8Array(total);
                    var at = 0;
                    chunks.forEach(function(c) { out.set(c, at); at += c.length; });
                    return out;
                }
                total += step.value.length;
                if (total > limit) { reader.cancel(); throw new Error('too-large'); }
                chunks.push(step.value);
                return pump();
            });
        }
        return pump();
    };
    function decodeFragment() {
        if (location.hash.indexOf("#p=") !== 0) return;
        var text = location.hash.slice(3);
        // Drop the fragment: a reload then keeps the learner's own edits, not the link's program.
        history.replaceState(null, "", location.pathname + location.search);
        var fail = function(code) { Module.llCall('ll_on_incoming_link', ["", code]); };
        if (text.length === 0 || /[^A-Za-z0-9_-]/.test(text) || text.length % 4 === 1) { fail('bad-base64'); return; }
        var bytes;
        try {
            var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
            bytes = new Uint8Array(binary.length);
            for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        } catch (e) { fail('bad-base64'); return; }
        if (typeof DecompressionStream === 'undefined') { fail('no-compression'); return; }
        var stream;
        try {
            stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        } catch (e) { fail('no-compression'); return; }
        Module.llReadAll(stream, 2 * 1024 * 1024).then(function(out) {
            var json;
            try { json = new TextDecoder('utf-8', { fatal: true }).decode(out); } catch (e) { fail('bad-text'); return; }
            Module.llCall('ll_on_incoming_link', [json, ""]);
        }, function(e) { fail(String(e && e.message) === 'too-large' ? 'too-large' : 'bad-deflate'); });
    }
    decodeFragment();
    window.addEventListener('hashchange', decodeFragment);
});

EM_JS(void, ll_js_make_share_link, (const char* payload, int max_fragment), {
    var text = UTF8ToString(payload);
    var done = function(ok, tooLarge, copied, url, length, error) {
        Module.llCall('ll_on_share_result', [ok, tooLarge, copied, url, length, error]);
    };
    if (typeof CompressionStream === 'undefined') { done(0, 0, 0, "", 0, 'This browser cannot compress links (no CompressionStream).'); return; }
    var stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    Module.llReadAll(stream, 64 * 1024 * 1024).then(function(bytes) {
        var fragment = 'p=' + Module.llBase64Url(bytes);
        if (fragment.length > max_fragment) { done(0, 1, 0, "", fragment.length, ""); return; }
        var url = location.href.split('#')[0] + '#' + fragment;
        var write = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(url) : Promise.reject();
        write.then(function() { done(1, 0, 1, url, fragment.length, ""); },
                   function() { done(1, 0, 0, url, fragment.length, ""); });
    }, function(e) { done(0, 0, 0, "", 0, String(e && e.message || e)); });
});

EM_JS(int, ll_js_storage_available, (), {
    try {
        var probe = 'looplab.probe';
        window.localStorage.setItem(probe, '1');
        window.localStorage.removeItem(probe);
        return 1;
    } catch (e) {
        return 0;
    }
});

// Returns a malloc'd copy of the value (the caller frees it), or 0 if the key is absent.
EM_JS(char*, ll_js_storage_get, (const char* key), {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null) return 0;
    var n = lengthBytesUTF8(value) + 1;
    var p = _malloc(n);
    stringToUTF8(value, p, n);
    return p;
});

EM_JS(int, ll_js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 1;
    } catch (e) {
        console.warn('Loop Lab: could not save to local storage: ' + e);
        return 0;
    }
});

EM_JS(void, ll_js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

EM_JS(void, ll_js_log_warning, (const char* message), {
    console.warn('Loop Lab: ' + UTF8ToString(message));
});

EM_JS(void, ll_js_download, (const char* name, const char* text), {
    var blob = new Blob([UTF8ToString(text)], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

EM_JS(void, ll_js_pick_file, (const char* accept), {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.addEventListener('change', function() {
        var file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        if (file.size > 4 * 1024 * 1024) {
            Module.llCall('ll_on_file', [file.name, "", 'The file is larger than 4 MB.']);
            return;
        }
        file.text().then(function(text) { Module.llCall('ll_on_file', [file.name, text, ""]); },
                         function(e) { Module.llCall('ll_on_file', [file.name, "", 'The file could not be read: ' + e]); });
    });
    document.body.appendChild(input);
    input.click();
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

EM_JS(int, ll_js_take_click_count, (), {
    var counts = Module.llClickCounts;
    return counts && counts.length ? counts.shift() : 0;
});

EM_JS(void, ll_js_forget_click_counts, (), {
    if (Module.llClickCounts) Module.llClickCounts.length = 0;
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

int take_click_count(int fallback)
{
    const int clicks = ll_js_take_click_count();
    return clicks > 0 ? clicks : fallback;
}

void forget_click_counts()
{
    ll_js_forget_click_counts();
}

void notify_first_frame()
{
    ll_js_first_frame();
}

void show_fatal_error(const char* message)
{
    ll_js_fatal(message);
}

double now_ms()
{
    return emscripten_get_now();
}

double unix_time_ms()
{
    return emscripten_date_now();
}

void log_warning(const std::string& message)
{
    ll_js_log_warning(message.c_str());
}

StorageRead storage_read(const char* key)
{
    StorageRead r;
    r.available = ll_js_storage_available() != 0;
    if (!r.available) return r;
    if (char* value = ll_js_storage_get(key)) {
        r.present = true;
        r.value = value;
        std::free(value);
    }
    return r;
}

bool storage_write(const char* key, const std::string& value)
{
    return ll_js_storage_set(key, value.c_str()) != 0;
}

void storage_remove(const char* key)
{
    ll_js_storage_remove(key);
}

void on_page_hide(std::function<void()> handler)
{
    inbox().page_hide = std::move(handler);
}

void download_text_file(const char* name, const std::string& text)
{
    ll_js_download(name, text.c_str());
}

void pick_text_file(const char* accept)
{
    ll_js_pick_file(accept);
}

std::optional<PickedFile> take_picked_file()
{
    auto& q = inbox().files;
    if (q.empty()) return std::nullopt;
    PickedFile f = std::move(q.front());
    q.pop_front();
    return f;
}

void push_picked_file(PickedFile file)
{
    inbox().files.push_back(std::move(file));
}

void make_share_link(const std::string& payload, int max_fragment)
{
    ll_js_make_share_link(payload.c_str(), max_fragment);
}

std::optional<ShareResult> take_share_result()
{
    auto& q = inbox().shares;
    if (q.empty()) return std::nullopt;
    ShareResult r = std::move(q.front());
    q.pop_front();
    return r;
}

std::optional<IncomingLink> take_incoming_link()
{
    auto& q = inbox().links;
    if (q.empty()) return std::nullopt;
    IncomingLink l = std::move(q.front());
    q.pop_front();
    return l;
}

} // namespace ll::web::platform
