// What the session reports to its users (the UI, the CLI, the tests): plain data, no VM objects,
// so a reader can never reach into the engine. One Snapshot describes the world between two
// steps; TraceEvents record everything that happened since the program was loaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ll::session {

// The four states DESIGN.md shows a task in.
enum class TaskState : std::uint8_t { Pending, Ready, Running, Done };
const char* to_string(TaskState s);

// How a done task ended.
enum class TaskOutcome : std::uint8_t { None, Result, Exception, Cancelled };

// One local variable of a suspended frame, already rendered with repr().
struct LocalView {
    std::string name;
    std::string repr;
};

// One frame of a bookmark (outermost first): where a paused coroutine will continue.
struct FrameView {
    std::string function;  // qualified name, e.g. "main.<locals>.fetch"
    std::string filename;
    int line = 0;
    bool internal = false;  // a frame of the asyncio prelude (hidden unless "asyncio internals")
    std::vector<LocalView> locals;
};

// A task as the learner sees it.
struct TaskView {
    int id = 0;               // stable for the session: creation order, from 1
    std::string name;         // "Task-2" or the name given
    std::string coro;         // coroutine qualname, e.g. "fetch"
    TaskState state = TaskState::Pending;
    TaskOutcome outcome = TaskOutcome::None;
    std::string outcome_repr;   // result repr, exception repr, or the cancel message
    std::string waiting_for;    // what a pending task waits on, in words ("sleep until t=3.0")
    int created_by = 0;         // id of the task that created it (0: none / top level)
    int created_line = 0;       // line of the learner's code that created it (0: unknown)
    int awaited_by = 0;         // id of the task awaiting it, if any (the parent in the task tree)
    std::string awaited_via;    // how: "await", "gather", "TaskGroup" (empty when not awaited)
    int cancelled_by = 0;       // id of the task whose cancellation or failure cancelled it (0: none)
    std::string cancel_reason;  // in words: "a timeout expired", "its TaskGroup sibling Task-3 failed", ...
    bool internal = false;      // a helper task of the prelude (e.g. shutdown_asyncgens)
    std::vector<FrameView> bookmark;  // suspended frame chain, outermost first
};

// An entry of the ready queue or the timer heap, in the order the loop will run them.
struct HandleView {
    double when = 0.0;        // due time (timers only)
    int task = 0;             // the task it resumes (0 for a plain callback)
    std::string description;  // e.g. "Task-3 step" or "print('later')"
    bool cancelled = false;
};

// A simulated thread (threads lesson); empty unless the program starts threads.
struct ThreadView {
    std::string name;
    std::string state;   // "running", "waiting for the GIL", "blocked until t=2.0 (time.sleep)", "done"
    std::string target;  // what it runs
    bool holds_gil = false;
};

// A teaching hint: a mistake CPython warns about (or silently suffers), pinned to the line of the
// learner's code that caused it, with a plain-words explanation.
struct Hint {
    enum class Kind : std::uint8_t { BlockingCall, NeverAwaited, DestroyedPending, ExceptionNotRetrieved } kind =
        Kind::BlockingCall;
    int line = 0;           // line of the learner's program (0: unknown)
    int task = 0;           // the task concerned (0: none)
    std::string message;    // what happened and what to do instead, in plain words
    std::int64_t tick = 0;  // when it was first seen
    double time = 0.0;
    int count = 1;          // how many times it happened at this line
};
const char* to_string(Hint::Kind k);

// One line of program output, a traceback or an asyncio warning, in order.
struct OutputLine {
    enum class Stream : std::uint8_t { Stdout, Stderr, Warning } stream = Stream::Stdout;
    std::string text;
    double time = 0.0;
    std::int64_t tick = 0;
    int line = 0;  // source line that produced it (0: unknown)
};

struct Snapshot {
    double clock = 0.0;          // virtual time in seconds
    std::int64_t tick = 0;       // callbacks run so far
    std::int64_t iteration = 0;  // loop iterations so far
    int running_task = 0;        // id of the task running now (0: none)
    int current_line = 0;        // line the running code is at (0: none)
    bool finished = false;       // the program ended (normally or with an error)
    bool loop_running = false;   // an event loop exists and runs
    int exit_status = 0;         // like `python3 file.py`: 1 on an uncaught exception
    std::vector<HandleView> ready;   // FIFO order
    std::vector<HandleView> timers;  // the order they would fire in
    std::vector<TaskView> tasks;     // creation order
    std::vector<ThreadView> threads;
    std::vector<OutputLine> output;
    std::vector<Hint> hints;  // in the order first seen, one per kind and line
    std::optional<std::string> frozen;  // "the loop is frozen: Task-2 at line 7 ..." when stopped by the budget

    const TaskView* task(int id) const;  // by id (ids follow creation order), or null
};

// Everything that happens, in order, stamped with tick and virtual time.
struct TraceEvent {
    enum class Kind : std::uint8_t {
        TaskCreated, TaskState, TimerSet, TimerFired, TimerCancelled, CallbackRun, Print,
        Warning, Exception, ClockAdvanced, IterationStart, TickEnd,
        Thread,  // a simulated thread changed state (detail: in words, with who holds the GIL)
    } kind = Kind::CallbackRun;
    std::int64_t tick = 0;
    double time = 0.0;
    int task = 0;
    int thread = 0;                        // Thread events: the thread's row, from 1 (MainThread)
    TaskState state = TaskState::Pending;  // TaskState events: the new state; Thread events: the
                                           // thread's, read as a task's (Running: holds the GIL,
                                           // Ready: waits for the GIL, Pending: blocked, Done)
    std::string detail;                    // why / what, in words
};
const char* to_string(TraceEvent::Kind k);

}  // namespace ll::session
