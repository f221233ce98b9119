// Threads as the learner sees them: a state in words for the snapshot, and a trace event each
// time a thread changes state (the session turns those into timeline rows and narration).
#include "engine/aio/aio_state.hpp"
#include "engine/base/float_format.hpp"
#include "engine/sim/scheduler.hpp"
#include "engine/sim/sim.hpp"

namespace ll::sim {

using namespace ll::vm;

namespace {

std::string state_text(const Scheduler& s, const SimThread& t) {
    switch (t.state) {
        case ThreadState::Running:
            return s.current == &t ? "running" : "waiting for the GIL";
        case ThreadState::Ready:
            return "waiting for the GIL";
        case ThreadState::Blocked:
            if (t.wake_at == kNever) return fmt::format("blocked on {}", t.waiting);
            return fmt::format("blocked until t={} ({})", base::float_repr(t.wake_at), t.waiting);
        case ThreadState::Done:
            return "done";
    }
    return "";
}

}  // namespace

std::vector<ThreadInfo> thread_infos(VM& vm) {
    Scheduler& s = scheduler(vm);
    std::vector<ThreadInfo> out;
    if (s.threads.size() < 2) return out;
    for (auto& t : s.threads) {
        ThreadInfo info;
        info.name = t->name;
        info.state = state_text(s, *t);
        info.target = t->target;
        // A thread blocked in a nested scheduler loop is still "current" for the C++ stack;
        // the GIL is held by whoever runs Python code now.
        info.holds_gil = s.current == t.get() && t->state == ThreadState::Running;
        out.push_back(std::move(info));
    }
    return out;
}

void notify_thread(VM& vm, SimThread* t) {
    aio::EventSink* sink = aio::aio_state(vm).sink;
    if (!sink) return;
    Scheduler& s = scheduler(vm);
    if (s.threads.size() < 2) return;  // a program without threads: the loop's story is enough
    Value name = new_str(vm, t->name);
    Value state = new_str(vm, state_text(s, *t));
    Value target = new_str(vm, t->target);
    Value details[] = {name, state, target, Value::integer(t->id + 1)};
    sink->on_event(vm, "thread", Args(details, 4));
}

}  // namespace ll::sim
