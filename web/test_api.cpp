// Implements Dear ImGui's test-engine hooks (compiled in with IMGUI_ENABLE_TEST_ENGINE) to learn
// the label and screen rectangle of every widget each frame, so browser tests can click what a
// person would click. Rectangles are in ImGui units, which we keep equal to CSS pixels.
#include "test_api.h"

#include <emscripten/emscripten.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <utility>
#include <vector>

namespace ll::web::test_api {
namespace {

struct Item {
    std::string label; // what the person sees (the "##id" part removed)
    std::string id;    // the part after "##", if any: names widgets without a visible label
    ImRect rect;
    std::string window;
    bool disabled = false;
    ImGuiID imgui_id = 0;
};

struct WindowRect {
    std::string name;
    ImRect rect;
};

struct Recorder {
    std::vector<Item> building;
    std::vector<Item> last_frame;
    std::vector<WindowRect> windows_building;
    std::vector<WindowRect> windows_last_frame;
    ImGuiID added_id = 0; // the item ImGui most recently added, and its rectangle
    ImRect added_rect;
    AppFacts facts;
    std::vector<std::pair<std::string, std::function<void(std::string&)>>> sections;
    std::vector<std::pair<std::string, std::function<std::string(const std::string&)>>> commands;
    std::string command_answer;
    std::string json;
};

Recorder& recorder()
{
    static Recorder r;
    return r;
}

// ImGui names a child window "Parent/Child_1A2B3C4D". Every pane is a child of the one
// full-window host, so the pane a widget belongs to is the first child in that path.
std::string short_window_name(const char* name)
{
    std::string_view s(name);
    if (auto slash = s.find('/'); slash != std::string_view::npos) {
        s.remove_prefix(slash + 1);
        if (auto next = s.find('/'); next != std::string_view::npos) {
            s = s.substr(0, next);
        }
        if (auto underscore = s.rfind('_'); underscore != std::string_view::npos) {
            s = s.substr(0, underscore);
        }
    }
    return std::string(s);
}

void split_label(std::string_view raw, std::string& label, std::string& id)
{
    auto hashes = raw.find("##");
    if (hashes == std::string_view::npos) {
        label.assign(raw);
        id.clear();
        return;
    }
    label.assign(raw.substr(0, hashes));
    std::string_view rest = raw.substr(hashes + 2);
    if (!rest.empty() && rest.front() == '#') {
        rest.remove_prefix(1); // "###id": the id alone, whatever the label
    }
    id.assign(rest);
}

void append_escaped(std::string& out, std::string_view s)
{
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += fmt::format("\\u{:04x}", c);
            } else {
                out += ch; // UTF-8 passes through unchanged: JSON is UTF-8
            }
        }
    }
    out += '"';
}

void append_rect(std::string& out, const ImRect& r)
{
    out += fmt::format("\"x\":{:.1f},\"y\":{:.1f},\"w\":{:.1f},\"h\":{:.1f}", r.Min.x, r.Min.y,
                       r.GetWidth(), r.GetHeight());
}

} // namespace

void begin_frame()
{
    Recorder& r = recorder();
    r.building.clear();
    r.windows_building.clear();
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void end_frame()
{
    Recorder& r = recorder();
    r.last_frame.swap(r.building);
    r.windows_last_frame.swap(r.windows_building);
}

void note_last_item(std::string_view label)
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    Item item;
    split_label(label, item.label, item.id);
    item.rect = g.LastItemData.Rect;
    item.window = short_window_name(g.CurrentWindow->Name);
    recorder().building.push_back(std::move(item));
}

void set_facts(const AppFacts& facts)
{
    recorder().facts = facts;
}

void set_section(std::string name, std::function<void(std::string& out)> writer)
{
    auto& sections = recorder().sections;
    for (auto& [existing, w] : sections) {
        if (existing == name) {
            w = std::move(writer);
            return;
        }
    }
    sections.emplace_back(std::move(name), std::move(writer));
}

void set_command(std::string name, std::function<std::string(const std::string& arg)> handler)
{
    recorder().commands.emplace_back(std::move(name), std::move(handler));
}

void append_json_string(std::string& out, std::string_view s)
{
    append_escaped(out, s);
}

const std::string& state_json()
{
    Recorder& r = recorder();
    const AppFacts& f = r.facts;
    std::string& out = r.json;
    out.clear();
    out += fmt::format("{{\"frame\":{},\"theme\":", f.frame);
    append_escaped(out, f.theme);
    out += fmt::format(",\"fontSize\":{:.1f},\"canvas\":{{\"w\":{},\"h\":{},\"dpr\":{:.3f},\"cssW\":{},\"cssH\":{}}}",
                       f.font_size, f.canvas_w, f.canvas_h, f.dpr, f.css_w, f.css_h);
    out += fmt::format(",\"clipboardLength\":{},\"frameCpuMs\":{:.3f},\"frameCpuP90Ms\":{:.3f},\"frameUiMs\":{:.3f}",
                       f.clipboard_length, f.frame_cpu_ms, f.frame_cpu_p90_ms, f.frame_ui_ms);
    out += fmt::format(",\"frameGlMs\":{:.3f},\"frameSwapMs\":{:.3f},\"frameAfterMs\":{:.3f}", f.frame_gl_ms, f.frame_swap_ms,
                       f.frame_after_ms);
    out += fmt::format(",\"drawData\":{{\"vertices\":{},\"indices\":{},\"commands\":{}}}", f.draw_vertices, f.draw_indices,
                       f.draw_commands);
    if (!f.parts_json.empty()) out += ",\"frameParts\":" + f.parts_json;
    for (const auto& [name, writer] : r.sections) {
        out += ',';
        append_escaped(out, name);
        out += ':';
        writer(out);
    }
    out += ",\"items\":[";
    bool first = true;
    for (const Item& item : r.last_frame) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += "{\"label\":";
        append_escaped(out, item.label);
        out += ",\"id\":";
        append_escaped(out, item.id);
        out += ',';
        append_rect(out, item.rect);
        out += ",\"window\":";
        append_escaped(out, item.window);
        out += item.disabled ? ",\"disabled\":true}" : ",\"disabled\":false}";
    }
    out += "],\"windows\":[";
    first = true;
    for (const WindowRect& w : r.windows_last_frame) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += "{\"name\":";
        append_escaped(out, w.name);
        out += ',';
        append_rect(out, w.rect);
        out += '}';
    }
    out += "]}";
    return out;
}

} // namespace ll::web::test_api

// --- Dear ImGui's test-engine hooks (signatures from imgui_internal.h 1.90.1) ------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data)
{
    (void)ctx;
    auto& r = ll::web::test_api::recorder();
    r.added_id = id;
    // ImGui passes the navigation rectangle; the visible one is in item_data when present.
    r.added_rect = item_data != nullptr ? item_data->Rect : bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    (void)flags;
    if (label == nullptr) {
        return;
    }
    auto& r = ll::web::test_api::recorder();
    ImGuiContext& g = *ctx;
    ImGuiWindow* window = g.CurrentWindow;
    if (window != nullptr && window->ID == id) { // Begin() registers each window as an item too
        const std::string name = ll::web::test_api::short_window_name(label);
        const bool nested = std::string_view(label).find('/') != std::string_view(label).rfind('/');
        if (label[0] != '#' && !nested) { // skip "##Tooltip_00", hidden windows and inner children
            r.windows_building.push_back({name, window->Rect()});
        }
        return;
    }
    ll::web::test_api::Item item;
    ll::web::test_api::split_label(label, item.label, item.id);
    item.imgui_id = id;
    item.rect = (r.added_id == id) ? r.added_rect : g.LastItemData.Rect;
    item.window = window != nullptr ? ll::web::test_api::short_window_name(window->Name) : std::string();
    item.disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0 || (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    r.building.push_back(std::move(item));
}

void ImGuiTestEngineHook_Log(ImGuiContext* ctx, const char* fmt, ...)
{
    (void)ctx;
    (void)fmt; // ImGui's internal log lines are not part of the test API
}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id)
{
    (void)ctx;
    for (const auto& item : ll::web::test_api::recorder().last_frame) {
        if (item.imgui_id == id) {
            return item.label.c_str();
        }
    }
    return nullptr;
}

// --- exported to JavaScript ---------------------------------------------------------------------

extern "C" EMSCRIPTEN_KEEPALIVE const char* ll_test_state()
{
    return ll::web::test_api::state_json().c_str();
}

// Runs a registered test command; an unknown name answers "unknown command".
extern "C" EMSCRIPTEN_KEEPALIVE const char* ll_test_command(const char* name, const char* arg)
{
    auto& r = ll::web::test_api::recorder();
    r.command_answer = "unknown command";
    for (const auto& [command, handler] : r.commands) {
        if (command == name) {
            r.command_answer = handler(arg != nullptr ? arg : "");
            break;
        }
    }
    return r.command_answer.c_str();
}
