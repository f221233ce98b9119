// Names of the snapshot's enums, for the CLI, the UI and test messages.
#include "engine/session/snapshot.hpp"

namespace ll::session {

const char* to_string(TaskState s) {
    switch (s) {
        case TaskState::Pending: return "pending";
        case TaskState::Ready: return "ready";
        case TaskState::Running: return "running";
        case TaskState::Done: return "done";
    }
    return "?";
}

const char* to_string(TraceEvent::Kind k) {
    using K = TraceEvent::Kind;
    switch (k) {
        case K::TaskCreated: return "task_created";
        case K::TaskState: return "task_state";
        case K::TimerSet: return "timer_set";
        case K::TimerFired: return "timer_fired";
        case K::TimerCancelled: return "timer_cancelled";
        case K::CallbackRun: return "callback_run";
        case K::Print: return "print";
        case K::Warning: return "warning";
        case K::Exception: return "exception";
        case K::ClockAdvanced: return "clock_advanced";
        case K::IterationStart: return "iteration_start";
        case K::TickEnd: return "tick_end";
        case K::Thread: return "thread";
    }
    return "?";
}

const char* to_string(Hint::Kind k) {
    switch (k) {
        case Hint::Kind::BlockingCall: return "blocking_call";
        case Hint::Kind::NeverAwaited: return "never_awaited";
        case Hint::Kind::DestroyedPending: return "destroyed_pending";
        case Hint::Kind::ExceptionNotRetrieved: return "exception_not_retrieved";
    }
    return "?";
}

const TaskView* Snapshot::task(int id) const {
    // Tasks are listed in creation order and numbered from 1, so the id is nearly always the index.
    if (id >= 1 && id <= static_cast<int>(tasks.size()) && tasks[static_cast<std::size_t>(id - 1)].id == id) {
        return &tasks[static_cast<std::size_t>(id - 1)];
    }
    for (const TaskView& t : tasks)
        if (t.id == id) return &t;
    return nullptr;
}

}  // namespace ll::session
