// Snapshot contents between ticks: ready queue order, timers in heapq firing order (ties
// included), task states with what they wait for, bookmarks with function, line and locals,
// and the trace's narration.
#include <doctest/doctest.h>

#include "engine/session/session.hpp"
#include "tests/unit/session/programs.hpp"

using namespace ll::session;
namespace prog = ll::session::testprog;

namespace {

std::vector<std::string> descriptions(const std::vector<HandleView>& hs) {
    std::vector<std::string> out;
    for (const auto& h : hs) out.push_back(h.description);
    return out;
}

const TaskView* task_named(const Snapshot& s, const std::string& name) {
    for (const auto& t : s.tasks)
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("after load the main task's first step is next") {
    Session s;
    REQUIRE(s.load(prog::kTies, "/p.py"));
    const Snapshot& snap = s.snapshot();
    CHECK(snap.loop_running);
    CHECK(snap.clock == 0.0);
    CHECK(descriptions(snap.ready) == std::vector<std::string>{"Task-1 step"});
    REQUIRE(snap.tasks.size() == 1);
    CHECK(snap.tasks[0].name == "Task-1");
    CHECK(snap.tasks[0].coro == "main");
}

TEST_CASE("ready queue in FIFO order, then timers in the order heapq pops them") {
    Session s;
    REQUIRE(s.load(prog::kTies, "/p.py"));
    s.step_tick();  // main creates four tasks and sleeps 2 s
    {
        const Snapshot& snap = s.snapshot();
        CHECK(descriptions(snap.ready) ==
              std::vector<std::string>{"Task-2 step", "Task-3 step", "Task-4 step", "Task-5 step"});
        REQUIRE(snap.timers.size() == 1);
        CHECK(snap.timers[0].when == 2.0);
        CHECK(snap.timers[0].description == "Task-1 wakes up");
        const TaskView* main = task_named(snap, "Task-1");
        REQUIRE(main);
        CHECK(main->state == TaskState::Pending);
        CHECK(main->waiting_for == "until t=2.0");
        CHECK(task_named(snap, "Task-3")->state == TaskState::Ready);
        CHECK(task_named(snap, "Task-3")->created_by == 1);
    }
    for (int i = 0; i < 4; ++i) s.step_tick();
    const Snapshot& snap = s.snapshot();
    CHECK(snap.ready.empty());
    // Four ties at 1.0 behind main's 2.0 timer: CPython wakes w 0, 1, 3, 2.
    CHECK(descriptions(snap.timers) == std::vector<std::string>{"Task-2 wakes up", "Task-3 wakes up", "Task-5 wakes up",
                                                                "Task-4 wakes up", "Task-1 wakes up"});
    const TaskView* t2 = task_named(snap, "Task-2");
    REQUIRE(t2);
    CHECK(t2->state == TaskState::Pending);
    CHECK(t2->waiting_for == "until t=1.0");
    REQUIRE_FALSE(t2->bookmark.empty());
    const FrameView& top = t2->bookmark.front();
    CHECK(top.function == "w");
    CHECK(top.filename == "/p.py");
    CHECK(top.line == 3);
    CHECK_FALSE(top.internal);
    bool has_i = false, has_d = false;
    for (const auto& l : top.locals) {
        has_i = has_i || (l.name == "i" && l.repr == "0");
        has_d = has_d || (l.name == "d" && l.repr == "1");
    }
    CHECK(has_i);
    CHECK(has_d);
    // The prelude's sleep frame is part of the chain, marked internal.
    CHECK(t2->bookmark.back().internal);
}

TEST_CASE("done tasks keep their outcome; narration says what each tick did") {
    Session s;
    REQUIRE(s.load(prog::kSixFetches, "/p.py"));
    s.run_to_end();
    const Snapshot& snap = s.snapshot();
    const TaskView* t2 = task_named(snap, "Task-2");
    REQUIRE(t2);
    CHECK(t2->state == TaskState::Done);
    CHECK(t2->outcome == TaskOutcome::Result);
    CHECK(t2->outcome_repr == "'a.com'");
    auto lines = s.narration();
    REQUIRE_FALSE(lines.empty());
    bool found = false;
    for (const auto& l : lines)
        found = found || l == "Task-3 awaited `asyncio.sleep(SITES[site])` at line 5: it waits until t=3.0 (pending)";
    CHECK(found);
}

TEST_CASE("Snapshot::task finds a task by id, and nothing for an unknown id") {
    Session s;
    REQUIRE(s.load("import asyncio\n"
                   "async def child(n):\n"
                   "    await asyncio.sleep(n)\n"
                   "async def main():\n"
                   "    await asyncio.gather(child(1), child(2))\n"
                   "asyncio.run(main())\n",
                   "/p.py"));
    s.run_until(0.5);
    const Snapshot& snap = s.snapshot();
    REQUIRE(snap.tasks.size() == 3);
    for (const TaskView& t : snap.tasks) {
        REQUIRE(snap.task(t.id) != nullptr);
        CHECK(snap.task(t.id)->name == t.name);
    }
    REQUIRE(snap.task(3) != nullptr);
    CHECK(snap.task(3)->name == "Task-3");
    CHECK(snap.task(0) == nullptr);
    CHECK(snap.task(99) == nullptr);
}
