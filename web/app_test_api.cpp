// What the app adds to window.looplab for browser tests: the editor, storage, share and notice
// sections of state(), and commands that reach paths a test cannot drive through pixels alone
// (a file's contents without the file picker, the engine's editor marks before the engine).
#include "app.h"

#include "platform_web.h"
#include "test_api.h"

#include <fmt/format.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

namespace ll::web {
namespace {

// {"running": 5, "bookmarks": [{"line": 11, "tooltip": "…"}], "errors": [{"line": 3,
// "colBegin": 4, "colEnd": 9, "message": "…"}]}: what the engine hookup will call.
std::string set_marks(CodeEditor& editor, const std::string& arg)
{
    using nlohmann::json;
    const json doc = json::parse(arg, nullptr, false);
    if (!doc.is_object()) return "expected a JSON object";
    const json running = doc.value("running", json(0));
    editor.set_running_line(running.is_number_integer() ? running.get<int>() : 0);
    std::vector<GutterMarker> bookmarks;
    if (const auto it = doc.find("bookmarks"); it != doc.end() && it->is_array()) {
        for (const json& b : *it) {
            if (!b.is_object() || !b.value("line", json()).is_number_integer()) return "bookmark without a line";
            const json tooltip = b.value("tooltip", json(""));
            bookmarks.push_back({b["line"].get<int>(), tooltip.is_string() ? tooltip.get<std::string>() : ""});
        }
    }
    editor.set_bookmarks(std::move(bookmarks));
    std::vector<ErrorMark> errors;
    if (const auto it = doc.find("errors"); it != doc.end() && it->is_array()) {
        for (const json& e : *it) {
            if (!e.is_object() || !e.value("line", json()).is_number_integer()) return "error without a line";
            ErrorMark mark;
            mark.line = e["line"].get<int>();
            const json b = e.value("colBegin", json(0));
            const json end = e.value("colEnd", json(0));
            const json message = e.value("message", json(""));
            mark.col_begin = b.is_number_integer() ? b.get<int>() : 0;
            mark.col_end = end.is_number_integer() ? end.get<int>() : 0;
            mark.message = message.is_string() ? message.get<std::string>() : "";
            errors.push_back(std::move(mark));
        }
    }
    editor.set_errors(std::move(errors));
    return "ok";
}

} // namespace

void App::register_test_api()
{
    test_api::set_section("editor", [this](std::string& out) { code_.editor().append_test_json(out); });
    test_api::set_section("storage", [this](std::string& out) { store_.append_test_json(out); });
    test_api::set_section("share", [this](std::string& out) { share_.append_test_json(out); });
    test_api::set_section("notices", [this](std::string& out) { notices_.append_test_json(out); });
    // What ImGui made of the mouse and keyboard last frame: when a click does nothing, this says
    // whether the press arrived, where, and which widget or window had it.
    test_api::set_section("input", [](std::string& out) {
        const ImGuiContext& g = *GImGui;
        const ImGuiIO& io = g.IO;
        out += fmt::format("{{\"mouse\":{{\"x\":{:.1f},\"y\":{:.1f},\"down\":{}}},\"ctrl\":{},\"shift\":{},"
                           "\"hoveredId\":{},\"activeId\":{},\"queued\":{},\"hoveredWindow\":",
                           io.MousePos.x, io.MousePos.y, io.MouseDown[0], io.KeyCtrl, io.KeyShift, g.HoveredId, g.ActiveId,
                           g.InputEventsQueue.Size);
        test_api::append_json_string(out, g.HoveredWindow ? g.HoveredWindow->Name : "");
        out += ",\"popups\":" + std::to_string(g.OpenPopupStack.Size) + "}";
    });
    test_api::set_section("session", [this](std::string& out) {
        runner_.append_test_json(out);
        out.insert(out.size() - 1, std::string(",\"running\":") + (running_ ? "true" : "false") +
                                       ",\"codeChanged\":" + (runner_.matches(code_.editor().version()) ? "false" : "true"));
    });
    // window.looplab.command('control', 'step_tick'): what a control button does, for tests that
    // need many steps. Queued for the next frame, so the session is always driven from the same
    // place as the buttons (see docs/web.md: resuming from a different native call depth than the
    // pause misbehaves in the engine today).
    test_api::set_command("control", [this](const std::string& arg) {
        static const std::pair<const char*, ControlAction> names[] = {
            {"step_back", ControlAction::step_back}, {"step_line", ControlAction::step_line}, {"step_tick", ControlAction::step_tick},
            {"step_iteration", ControlAction::step_iteration}, {"run_to_end", ControlAction::run_to_end},
            {"reset", ControlAction::reset}, {"toggle_run", ControlAction::toggle_run}};
        for (const auto& [name, action] : names) {
            if (arg == name) {
                queued_controls_.push_back(action);
                return std::string("queued");
            }
        }
        return std::string("unknown control");
    });

    test_api::set_command("import", [](const std::string& text) {
        platform::push_picked_file(platform::PickedFile{"test-import.json", text, {}});
        return std::string("queued");
    });
    test_api::set_command("export", [this](const std::string&) { return serialize_saved_state(current_state()); });
    test_api::set_command("flushSave", [this](const std::string&) {
        store_.flush(current_state(), notices_);
        return std::string("ok");
    });
    test_api::set_command("setEditorMarks", [this](const std::string& arg) {
        code_.hold_marks(runner_.generation());
        return set_marks(code_.editor(), arg);
    });
    test_api::set_command("lineTokens", [this](const std::string& arg) {
        // The highlighting of one 1-based line: [{"kind": "keyword", "text": "def"}, ...].
        const int line = std::atoi(arg.c_str()) - 1;
        TextDocument& doc = code_.editor().document_for_tests();
        if (line < 0 || line >= doc.line_count()) return std::string("[]");
        doc.highlight_through(line);
        std::string out = "[";
        const std::string& text = doc.line(line);
        for (const TokenSpan& span : doc.line_data(line).spans) {
            if (out.size() > 1) out += ',';
            out += "{\"kind\":\"";
            out += token_kind_name(span.kind);
            out += "\",\"text\":";
            test_api::append_json_string(out, std::string_view(text).substr(span.begin, span.end - span.begin));
            out += '}';
        }
        return out + "]";
    });
}

} // namespace ll::web
