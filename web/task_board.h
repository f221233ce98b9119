// The task board of the LOOP column: every task with its state, what it waits for or how it
// ended, as a flat list or as a tree (who awaits whom, like CPython 3.14's `asyncio pstree`),
// filtered by a search box and clipped so that a thousand tasks cost only the rows on screen.
#pragma once

#include "engine/session/snapshot.hpp"
#include "ui_context.h"

#include <string>
#include <vector>

namespace ll::web {

// One row of the board: the task's index in the snapshot and its depth in the tree.
struct TaskRow {
    int index = 0;
    int depth = 0;
};

// The rows to show: internal helpers only with `internals`, in creation order or as a tree
// (each task under the task awaiting it), keeping only tasks whose name, coroutine, state or
// outcome contains `filter` (case-insensitive).
std::vector<TaskRow> task_rows(const ll::session::Snapshot& s, bool internals, bool tree, const std::string& filter);

// Why a task was cancelled, following the chain of who cancelled whom, in plain words ("" if
// it was never asked to cancel).
std::string cancel_story(const ll::session::Snapshot& s, const ll::session::TaskView& t);

class TaskBoard {
public:
    // Draws the board's header (filter, view switches) and its table in the remaining space.
    void draw(const UiContext& ctx, const ll::session::Snapshot& s);
    bool show_internals() const { return show_internals_; }

private:
    bool show_internals_ = false; // view state: the prelude's helper tasks and frames
    bool tree_ = false;           // the awaiting tree instead of creation order
    char filter_[64] = "";
    std::vector<TaskRow> rows_;   // recomputed each frame from the snapshot (cheap: one pass)
    std::string tooltip_;         // the row tooltip shown this frame (for the test API)
    bool registered_ = false;     // the test API's "board" section is set up
};

} // namespace ll::web
