// What Loop Lab keeps between visits, and its one JSON form: the browser's local storage
// (key "looplab.v1") and the exported progress file share it. Parsing checks every field, so a
// damaged or foreign document is reported instead of half-applied.
#pragma once

#include "ui_context.h"

#include <string>
#include <string_view>

namespace ll::web {

inline constexpr int saved_schema = 1;
inline constexpr const char* storage_key = "looplab.v1";
inline constexpr float min_font_size = 11.0f;
inline constexpr float max_font_size = 24.0f;

struct SavedSettings {
    Theme theme = Theme::dark;
    float font_size = 15.0f;
    // Pane sizes as fractions (see Layout).
    float lesson = 0.27f;
    float loop = 0.27f;
    float bottom = 0.40f;
    float timeline = 0.5f;
    bool operator==(const SavedSettings&) const = default;
};

struct SavedState {
    std::string code;
    SavedSettings settings;
    // Lesson progress (scores, quiz attempts), kept as JSON text: the lessons engine will fill
    // it; until then it round-trips untouched through export and import.
    std::string progress = "{}";
};

enum class SavedProblem { none, not_json, wrong_shape, foreign_schema };

struct SavedParse {
    SavedProblem problem = SavedProblem::none;
    std::string detail; // what exactly was wrong, in words (for the notice and the console)
    SavedState state;   // valid only when problem == none
};

SavedParse parse_saved_state(std::string_view json);
std::string serialize_saved_state(const SavedState& state);

// The shared-program payload carried by a link: {"v":1,"code":…,"params":{…},"tick":N}.
struct SharedProgram {
    std::string code;
    std::string params = "{}"; // parameter name -> value, as JSON text
    long long tick = 0;
};

// Empty `problem` on success.
struct SharedParse {
    std::string problem;
    SharedProgram program;
};
SharedParse parse_shared_program(std::string_view json);
std::string serialize_shared_program(const SharedProgram& program);

} // namespace ll::web
