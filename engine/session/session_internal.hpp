// The session's private state, shared by session.cpp (lifecycle and stepping),
// session_events.cpp (the loop's trace events) and snapshot_build.cpp (reading the loop).
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/aio/aio.hpp"
#include "engine/session/notebook_cells.hpp"
#include "engine/session/session.hpp"
#include "engine/vm/lib_state.hpp"
#include "engine/vm/vm.hpp"

namespace ll::session {

// What the session remembers about each task it saw created (done tasks included).
struct TaskRecord {
    int id = 0;
    const vm::Object* object = nullptr;  // identity only; alive while the tasks registry holds it
    std::string name, coro;
    TaskState state = TaskState::Ready;
    TaskOutcome outcome = TaskOutcome::None;
    std::string outcome_repr;
    std::string waiting_for;
    const vm::Object* waiting_on = nullptr;  // the future it waits on (identity only)
    int created_by = 0, awaited_by = 0;
    int created_line = 0;
    std::string awaited_via;
    int cancelled_by = 0;
    std::string cancel_reason;
    bool internal = false;
};

// Where the run is heading: the next pause point that satisfies the goal stops it.
enum class Goal { FirstTick, Line, Tick, Iteration, Time, End };

// Scratch for the narration of the tick in progress.
struct TickScratch {
    int task = 0;
    std::string handle;                // description of the handle that runs
    std::vector<int> created;          // tasks created during the tick
    std::optional<std::size_t> idle_event;  // trace index of an idle tick's narration
    int timers_fired = 0;
    double blocked = 0;                // seconds time.sleep() froze the loop during the tick
    double jumped_from = 0, jumped_to = 0;
};

struct Session::Impl : aio::EventSink {
    Limits limits;
    double cpu_cost = 0;
    std::string original_source, source_text, filename;
    std::map<std::string, std::string> values;
    std::vector<ParamDecl> decls;

    std::unique_ptr<vm::VM> vm;
    vm::Value main_frame;
    vm::Budget budget;
    bool started = false;

    // Progress.
    std::int64_t tick = 0, iteration = 0;
    bool finished = false;
    int exit_status = 0;
    std::optional<std::string> frozen;
    Goal goal = Goal::End;
    double goal_time = 0;
    bool pause_requested = false;
    bool iteration_ended = false;
    bool tick_starts_on_resume = false;
    bool paused_in_task_code = false;
    // The last run stopped inside a tick (a line step): the tick's budget carries over, so
    // splitting a tick into line steps cannot hide a runaway loop that run_to_end would stop.
    bool paused_mid_tick = false;
    int current_task = 0;  // the task whose step is running (0: none)
    std::optional<HandleView> next_handle;  // popped by the loop, about to run (paused before it)

    // Records.
    std::vector<TaskRecord> tasks;  // by id - 1
    std::unordered_map<const vm::Object*, int> task_ids;
    std::unordered_map<const vm::Object*, double> sleep_deadlines;  // sleep future -> due time
    std::vector<TraceEvent> trace;
    bool trace_truncated = false;
    std::vector<OutputLine> output;
    std::vector<Hint> hints;
    std::string partial[3];
    TickScratch scratch;

    Snapshot snap;
    bool snap_dirty = true;

    // Notebook mode (notebook.cpp).
    bool notebook = false;
    bool notebook_closed = false;     // no more cells: the driver ends the loop
    bool waiting_for_cell = false;    // the driver asked for a cell and there was none
    int cells_taken = 0;
    std::vector<CellText> cells_submitted;  // all of them, replayed by step_back
    std::deque<CellText> cell_queue;        // not taken by the driver yet
    vm::Value notebook_main;                // the cells' __main__ module
    bool start_notebook();

    // session.cpp
    void start();
    void teardown();
    void drive(Goal g, double t = 0);
    void run_once();
    void finish_with_exception();
    void freeze(const std::string& where);
    void request_pause();
    void write(OutputLine::Stream stream, std::string_view text);

    // session_events.cpp
    void on_event(vm::VM& v, std::string_view kind, vm::Args details) override;
    void on_clock(vm::VM& v, double old_time, double new_time, bool blocking) override;
    void at_tick_start(bool idle, double next_timer);
    void add_event(TraceEvent::Kind kind, int task, std::string detail, TaskState state = TaskState::Pending);
    int task_of_handle(const vm::Value& handle, std::string* description);
    TaskRecord* record_of(const vm::Value& task);
    std::string narrate_tick();

    // session_insight.cpp: teaching hints, the task tree's links, who cancelled whom.
    void add_hint(Hint::Kind kind, int line, int task, std::string message);
    void hint_blocking_call(double seconds);
    void hint_from_warning(const std::string& text);
    void hint_from_logged_exception(const std::string& message);
    void note_task_creation(TaskRecord& r);
    void note_gather_children(TaskRecord& parent, const vm::Value& gathering);
    void note_cancellations();
    int user_line();  // the line of the learner's code running now (0: none)

    // snapshot_build.cpp
    Snapshot build_snapshot();
    vm::Value running_loop();
    bool task_alive(const TaskRecord& r);
    HandleView describe_handle(const vm::Value& handle);
};

// Helpers shared by the session's files.
std::string time_text(double t);                       // Python's repr of a float: "3.0"
std::string safe_repr(vm::VM& vm, const vm::Value& v);  // repr without running user __repr__
std::string program_line(const std::string& source, int line);  // stripped source text
// The functions a suspended coroutine is inside, outermost first: its own frame, then what it
// awaits, and so on (e.g. main, wait_for).
std::vector<std::string> awaiting_functions(vm::VM& vm, const vm::Value& coro);

}  // namespace ll::session
