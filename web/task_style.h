// How a task's state looks everywhere (loop panel, task board, timeline, code gutter): one colour
// per state from the palette, and the words for a task's outcome and bookmark.
#pragma once

#include "engine/session/snapshot.hpp"
#include "ui_context.h"

#include <string>

namespace ll::web {

const ImVec4& state_color(const Palette& p, ll::session::TaskState s);
// "result '<page of a.com>'", "exception ValueError('x')", "cancelled", or "" while not done.
std::string outcome_text(const ll::session::TaskView& t);
// The innermost frame of the learner's own code in a bookmark (null if none).
const ll::session::FrameView* user_frame(const ll::session::TaskView& t);
// The frame chain with locals, outermost first, one frame per paragraph (tooltips).
std::string bookmark_text(const ll::session::TaskView& t, bool internals);

} // namespace ll::web
