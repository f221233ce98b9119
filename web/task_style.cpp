// Task colours and the words describing a task's end and its bookmark.
#include "task_style.h"

#include <fmt/format.h>

namespace ll::web {

using ll::session::TaskOutcome;
using ll::session::TaskState;

const ImVec4& state_color(const Palette& p, TaskState s)
{
    switch (s) {
    case TaskState::Pending: return p.task_pending;
    case TaskState::Ready: return p.task_ready;
    case TaskState::Running: return p.task_running;
    case TaskState::Done: return p.task_done;
    }
    return p.text;
}

std::string outcome_text(const ll::session::TaskView& t)
{
    switch (t.outcome) {
    case TaskOutcome::None: return {};
    case TaskOutcome::Result: return "result " + t.outcome_repr;
    case TaskOutcome::Exception: return "exception " + t.outcome_repr;
    case TaskOutcome::Cancelled: return t.outcome_repr.empty() ? "cancelled" : "cancelled: " + t.outcome_repr;
    }
    return {};
}

const ll::session::FrameView* user_frame(const ll::session::TaskView& t)
{
    for (auto it = t.bookmark.rbegin(); it != t.bookmark.rend(); ++it) {
        if (!it->internal) return &*it;
    }
    return nullptr;
}

std::string bookmark_text(const ll::session::TaskView& t, bool internals)
{
    std::string out;
    for (const ll::session::FrameView& f : t.bookmark) {
        if (f.internal && !internals) continue;
        if (!out.empty()) out += "\n";
        out += fmt::format("{}  line {}", f.function, f.line);
        for (const ll::session::LocalView& l : f.locals) {
            std::string repr = l.repr.size() > 80 ? l.repr.substr(0, 77) + "..." : l.repr;
            out += fmt::format("\n    {} = {}", l.name, repr);
        }
    }
    return out;
}

} // namespace ll::web
