// JSON for saved state and shared links, with nlohmann::json in its non-throwing mode (this
// build ignores exceptions): every value's type is checked before it is read.
#include "saved_state.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace ll::web {
namespace {

using nlohmann::json;

constexpr std::size_t max_code_bytes = 1 << 20; // 1 MB of source is far beyond any lesson

// Reads an optional number field in [lo, hi]; false (with `detail` set) if present but wrong.
bool read_number(const json& obj, const char* key, float lo, float hi, float& out, std::string& detail,
                 const char* where)
{
    const auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < lo || it->get<double>() > hi) {
        detail = fmt::format("its {}.{} is not a number from {} to {}", where, key, lo, hi);
        return false;
    }
    out = static_cast<float>(it->get<double>());
    return true;
}

bool read_settings(const json& s, SavedSettings& out, std::string& detail)
{
    if (!s.is_object()) {
        detail = "its \"settings\" is not an object";
        return false;
    }
    if (const auto it = s.find("theme"); it != s.end()) {
        if (!it->is_string() || (*it != "dark" && *it != "light")) {
            detail = "its settings.theme is not \"dark\" or \"light\"";
            return false;
        }
        out.theme = *it == "light" ? Theme::light : Theme::dark;
    }
    if (!read_number(s, "fontSize", min_font_size, max_font_size, out.font_size, detail, "settings")) return false;
    if (const auto it = s.find("panes"); it != s.end()) {
        if (!it->is_object()) {
            detail = "its settings.panes is not an object";
            return false;
        }
        const json& p = *it;
        if (!read_number(p, "lesson", 0.02f, 0.9f, out.lesson, detail, "settings.panes") ||
            !read_number(p, "loop", 0.02f, 0.9f, out.loop, detail, "settings.panes") ||
            !read_number(p, "bottom", 0.05f, 0.95f, out.bottom, detail, "settings.panes") ||
            !read_number(p, "timeline", 0.05f, 0.95f, out.timeline, detail, "settings.panes")) {
            return false;
        }
    }
    return true;
}

} // namespace

SavedParse parse_saved_state(std::string_view text)
{
    SavedParse r;
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        r.problem = SavedProblem::not_json;
        r.detail = "it is not valid JSON";
        return r;
    }
    if (!doc.is_object()) {
        r.problem = SavedProblem::wrong_shape;
        r.detail = "it is not a JSON object";
        return r;
    }
    const auto schema = doc.find("schema");
    if (schema == doc.end()) {
        r.problem = SavedProblem::foreign_schema;
        r.detail = "it has no \"schema\" field, so it was not written by Loop Lab";
        return r;
    }
    if (!schema->is_number_integer()) {
        r.problem = SavedProblem::wrong_shape;
        r.detail = "its \"schema\" is not a whole number";
        return r;
    }
    if (schema->get<long long>() != saved_schema) {
        r.problem = SavedProblem::foreign_schema;
        r.detail = fmt::format("it uses schema {}, and this version of Loop Lab reads schema {}", schema->get<long long>(),
                               saved_schema);
        return r;
    }
    const auto code = doc.find("code");
    if (code == doc.end() || !code->is_string()) {
        r.problem = SavedProblem::wrong_shape;
        r.detail = "its \"code\" is not text";
        return r;
    }
    if (code->get_ref<const std::string&>().size() > max_code_bytes) {
        r.problem = SavedProblem::wrong_shape;
        r.detail = "its \"code\" is larger than 1 MB";
        return r;
    }
    r.state.code = code->get<std::string>();
    if (const auto s = doc.find("settings"); s != doc.end() && !read_settings(*s, r.state.settings, r.detail)) {
        r.problem = SavedProblem::wrong_shape;
        return r;
    }
    if (const auto p = doc.find("progress"); p != doc.end()) {
        if (!p->is_object()) {
            r.problem = SavedProblem::wrong_shape;
            r.detail = "its \"progress\" is not an object";
            return r;
        }
        r.state.progress = p->dump();
    }
    return r;
}

std::string serialize_saved_state(const SavedState& state)
{
    json doc;
    doc["schema"] = saved_schema;
    doc["app"] = "Loop Lab";
    doc["code"] = state.code;
    const SavedSettings& s = state.settings;
    doc["settings"] = {
        {"theme", s.theme == Theme::light ? "light" : "dark"},
        {"fontSize", s.font_size},
        {"panes", {{"lesson", s.lesson}, {"loop", s.loop}, {"bottom", s.bottom}, {"timeline", s.timeline}}},
    };
    json progress = json::parse(state.progress, nullptr, false);
    doc["progress"] = progress.is_object() ? progress : json::object();
    // Invalid UTF-8 in the code (never produced by the editor) is replaced, not thrown on.
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

SharedParse parse_shared_program(std::string_view text)
{
    SharedParse r;
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        r.problem = "its contents are not valid JSON";
        return r;
    }
    if (!doc.is_object()) {
        r.problem = "its contents are not a JSON object";
        return r;
    }
    const auto v = doc.find("v");
    if (v == doc.end() || !v->is_number_integer() || v->get<long long>() != 1) {
        r.problem = "it was made in a format this version of Loop Lab does not know";
        return r;
    }
    const auto code = doc.find("code");
    if (code == doc.end() || !code->is_string()) {
        r.problem = "it carries no program text";
        return r;
    }
    if (code->get_ref<const std::string&>().size() > max_code_bytes) {
        r.problem = "its program is larger than 1 MB";
        return r;
    }
    r.program.code = code->get<std::string>();
    if (const auto p = doc.find("params"); p != doc.end()) {
        if (!p->is_object()) {
            r.problem = "its parameters are not a list of names and values";
            return r;
        }
        r.program.params = p->dump();
    }
    if (const auto t = doc.find("tick"); t != doc.end()) {
        if (!t->is_number_integer() || t->get<long long>() < 0) {
            r.problem = "its tick is not a whole number of zero or more";
            return r;
        }
        r.program.tick = t->get<long long>();
    }
    return r;
}

std::string serialize_shared_program(const SharedProgram& program)
{
    json doc;
    doc["v"] = 1;
    doc["code"] = program.code;
    json params = json::parse(program.params, nullptr, false);
    doc["params"] = params.is_object() ? params : json::object();
    doc["tick"] = program.tick;
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace ll::web
