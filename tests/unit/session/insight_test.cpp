// What the session explains beyond task states: teaching hints on the line that caused them, the
// task tree (who awaits whom: await, gather, TaskGroup, wait_for) and who cancelled a task and
// why. The programs behave the same under CPython 3.13 (the warnings quoted are CPython's).
#include <doctest/doctest.h>

#include "engine/session/session.hpp"

using namespace ll::session;

namespace {

const TaskView* task_named(const Snapshot& s, const std::string& name) {
    for (const auto& t : s.tasks)
        if (t.name == name) return &t;
    return nullptr;
}

const Hint* hint_of(const Snapshot& s, Hint::Kind kind) {
    for (const auto& h : s.hints)
        if (h.kind == kind) return &h;
    return nullptr;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("hint: time.sleep inside a coroutine blocks the loop, marked on its line") {
    Session s;
    REQUIRE(s.load(R"(import asyncio, time
async def worker():
    time.sleep(2)  # "blocks" the loop
    await asyncio.sleep(1)
async def main():
    await asyncio.gather(worker(), asyncio.sleep(1))
time.sleep(0.5)
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    const Snapshot& snap = s.snapshot();
    REQUIRE(snap.hints.size() == 1);  // the sleep before the loop runs blocks nobody
    const Hint& h = snap.hints[0];
    CHECK(h.kind == Hint::Kind::BlockingCall);
    CHECK(h.line == 3);
    CHECK(h.task == 2);
    CHECK(has(h.message, "`time.sleep(2)` is a blocking call"));
    CHECK(has(h.message, "for 2.0 s while Task-2 ran"));
    CHECK(has(h.message, "await asyncio.sleep("));
}

TEST_CASE("hint: a blocking call in a loop is one hint with a count") {
    Session s;
    REQUIRE(s.load(R"(import asyncio, time
async def main():
    for i in range(3):
        time.sleep(0.1)
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    REQUIRE(s.snapshot().hints.size() == 1);
    CHECK(s.snapshot().hints[0].line == 4);
    CHECK(s.snapshot().hints[0].count == 3);
}

TEST_CASE("hint: a coroutine never awaited, on the line that called it") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def fetch():
    return 1
async def main():
    fetch()
    await asyncio.sleep(0)
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    // CPython: "/p.py:5: RuntimeWarning: coroutine 'fetch' was never awaited"
    CHECK(has(s.output_text(OutputLine::Stream::Stderr), "/p.py:5: RuntimeWarning: coroutine 'fetch' was never awaited"));
    const Hint* h = hint_of(s.snapshot(), Hint::Kind::NeverAwaited);
    REQUIRE(h);
    CHECK(h->line == 5);
    CHECK(has(h->message, "`fetch(...)` was called but never awaited"));
    CHECK(has(h->message, "await fetch(...)"));
}

TEST_CASE("hint: a task's exception never retrieved, on the line that created the task") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def boom():
    await asyncio.sleep(1)
    raise ValueError("kaboom")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(2)
    print("main done")
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    CHECK(has(s.output_text(OutputLine::Stream::Stderr), "Task exception was never retrieved"));
    const Hint* h = hint_of(s.snapshot(), Hint::Kind::ExceptionNotRetrieved);
    REQUIRE(h);
    CHECK(h->line == 6);
    CHECK(h->task == 2);
    CHECK(has(h->message, "Task-2 (boom()), created here, raised ValueError('kaboom')"));
    CHECK(task_named(s.snapshot(), "Task-2")->created_line == 6);
}

TEST_CASE("hint: a task destroyed while pending, on the line that created it") {
    // CPython's Task.__del__ reports a pending task that is garbage-collected through the loop's
    // exception handler. Loop Lab's VM does not collect reference cycles yet (the known failure
    // aio/099), so this program makes the same report through the same handler.
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def job():
    await asyncio.sleep(10)
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "Task was destroyed but it is pending!", "task": t})
    t.cancel()
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    CHECK(has(s.output_text(OutputLine::Stream::Stderr), "Task was destroyed but it is pending!\ntask: <Task pending name='Task-2'"));
    const Hint* h = hint_of(s.snapshot(), Hint::Kind::DestroyedPending);
    REQUIRE(h);
    CHECK(h->line == 6);
    CHECK(h->task == 2);
    CHECK(has(h->message, "Task-2 (job()), created here, was destroyed while still pending"));
}

TEST_CASE("a correct program gets no hints") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    await t
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    CHECK(s.snapshot().hints.empty());
}

TEST_CASE("task tree: gather children, TaskGroup children and wait_for point at their parent") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def leaf(d):
    await asyncio.sleep(d)
async def group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(1), name="g1")
        tg.create_task(leaf(2), name="g2")
async def main():
    t = asyncio.create_task(leaf(5), name="waited")
    await asyncio.gather(group(), leaf(3))
    print("gathered", asyncio.get_running_loop().time())
    await asyncio.wait_for(t, 10)
    print("done", asyncio.get_running_loop().time())
asyncio.run(main())
)", "/p.py"));
    s.run_until(0.5);
    {
        const Snapshot& snap = s.snapshot();
        const TaskView* main = task_named(snap, "Task-1");
        const TaskView* waited = task_named(snap, "waited");
        const TaskView* g1 = task_named(snap, "g1");
        const TaskView* g2 = task_named(snap, "g2");
        REQUIRE(main);
        REQUIRE(waited);
        REQUIRE(g1);
        REQUIRE(g2);
        // gather's two children: group() and leaf(3)
        int gathered = 0, group_id = 0;
        for (const auto& t : snap.tasks) {
            if (t.awaited_via == "gather") {
                ++gathered;
                CHECK(t.awaited_by == main->id);
                if (t.coro == "group") group_id = t.id;
            }
        }
        CHECK(gathered == 2);
        REQUIRE(group_id != 0);
        CHECK(g1->awaited_by == group_id);
        CHECK(g1->awaited_via == "TaskGroup");
        CHECK(g2->awaited_by == group_id);
        CHECK(g1->created_by == group_id);
        CHECK(g1->created_line == 6);
        CHECK(waited->awaited_by == 0);  // nobody awaits it yet
        CHECK(waited->created_line == 9);
        CHECK(task_named(snap, "Task-1")->created_by == 0);
    }
    s.run_until(1.5);
    {
        const Snapshot& snap = s.snapshot();
        for (const auto& t : snap.tasks)
            if (t.coro == "group") CHECK(t.waiting_for == "for its TaskGroup's tasks to finish");
    }
    s.run_until(4.0);
    {
        const Snapshot& snap = s.snapshot();
        CHECK(s.output_text(OutputLine::Stream::Stdout) == "gathered 3.0\n");
        const TaskView* waited = task_named(snap, "waited");
        CHECK(waited->awaited_by == 1);
        CHECK(waited->awaited_via == "wait_for");
        CHECK(task_named(snap, "Task-1")->waiting_for == "for waited to finish");
    }
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "gathered 3.0\ndone 5.0\n");
}

TEST_CASE("cancellation: who cancelled each task and why") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def slow():
    await asyncio.sleep(10)
async def failing():
    await asyncio.sleep(1)
    raise ValueError("x")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(), name="sibling")
            tg.create_task(failing(), name="failer")
    except* ValueError:
        print("group failed", asyncio.get_running_loop().time())
    try:
        await asyncio.wait_for(asyncio.create_task(slow(), name="timed"), 1)
    except TimeoutError:
        print("timed out", asyncio.get_running_loop().time())
    t = asyncio.create_task(slow(), name="victim")
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    asyncio.create_task(slow(), name="lingering")
    await asyncio.sleep(0)
    print("main returns", t.cancelled())
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "group failed 1.0\ntimed out 2.0\nmain returns True\n");
    const Snapshot& snap = s.snapshot();
    const TaskView* main = task_named(snap, "Task-1");
    const TaskView* failer = task_named(snap, "failer");
    REQUIRE(main);
    REQUIRE(failer);
    auto check = [&](const char* name, int by, const std::string& why) {
        const TaskView* t = task_named(snap, name);
        REQUIRE(t);
        CHECK(t->outcome == TaskOutcome::Cancelled);
        CHECK(t->cancelled_by == by);
        CHECK(t->cancel_reason == why);
    };
    check("sibling", failer->id, "its TaskGroup sibling failer failed");
    check("timed", main->id, "Task-1 was cancelled while awaiting it");
    check("victim", main->id, "`t.cancel()` at line 20");
    check("lingering", 0, "asyncio.run() is shutting down: it cancels every task still pending");
    CHECK(failer->cancel_reason.empty());
    // main was asked to cancel twice and uncancelled each time: the latest request is kept.
    CHECK(main->outcome == TaskOutcome::Result);
    CHECK(main->cancel_reason == "its asyncio.wait_for() timed out");
}

TEST_CASE("cancellation through gather: cancelling the awaiting task cancels the children") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def slow():
    await asyncio.sleep(10)
async def parent():
    await asyncio.gather(slow(), slow())
async def main():
    p = asyncio.create_task(parent(), name="parent")
    await asyncio.sleep(1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled")
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "parent cancelled\n");
    const Snapshot& snap = s.snapshot();
    const TaskView* parent = task_named(snap, "parent");
    REQUIRE(parent);
    CHECK(parent->cancel_reason == "`p.cancel()` at line 9");
    int children = 0;
    for (const auto& t : snap.tasks) {
        if (t.coro != "slow") continue;
        ++children;
        CHECK(t.cancelled_by == parent->id);
        CHECK(t.cancel_reason == "parent was cancelled while awaiting the gather() it belongs to");
    }
    CHECK(children == 2);
    // The narration of the tick that ended a child says why.
    bool narrated = false;
    for (const auto& line : s.narration())
        narrated = narrated || line.find("was cancelled because parent was cancelled while awaiting the gather() it belongs to (done)") != std::string::npos;
    CHECK(narrated);
}

TEST_CASE("task tree: finished tasks keep who awaited them (the tree is history, not flattened)") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def leaf(d):
    await asyncio.sleep(d)
async def group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(1), name="g1")
        tg.create_task(leaf(2), name="g2")
async def main():
    t = asyncio.create_task(leaf(5), name="waited")
    await asyncio.gather(group(), leaf(3))
    await asyncio.wait_for(t, 10)
    await asyncio.create_task(leaf(1), name="awaited")
asyncio.run(main())
)", "/p.py"));
    s.run_to_end();
    const Snapshot& snap = s.snapshot();
    REQUIRE(snap.finished);
    const TaskView* main = task_named(snap, "Task-1");
    REQUIRE(main);
    int gathered = 0, group_id = 0;
    for (const auto& t : snap.tasks) {
        CHECK(t.state == TaskState::Done);
        if (t.awaited_via == "gather") {
            ++gathered;
            CHECK(t.awaited_by == main->id);
            if (t.coro == "group") group_id = t.id;
        }
    }
    CHECK(gathered == 2);
    REQUIRE(group_id != 0);
    for (const char* name : {"g1", "g2"}) {
        const TaskView* g = task_named(snap, name);
        REQUIRE(g);
        CHECK(g->awaited_by == group_id);
        CHECK(g->awaited_via == "TaskGroup");
    }
    CHECK(task_named(snap, "waited")->awaited_by == main->id);
    CHECK(task_named(snap, "waited")->awaited_via == "wait_for");
    CHECK(task_named(snap, "awaited")->awaited_by == main->id);
    CHECK(task_named(snap, "awaited")->awaited_via == "await");
    CHECK(main->awaited_by == 0);  // asyncio.run's main task is the root
}

TEST_CASE("cancellation of a task that has nothing to wake (never started, or in the ready queue) says who and why") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def c():
    await asyncio.sleep(1)
async def spin():
    await asyncio.sleep(0)
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(c(), name="never_ran")
    t.cancel("not needed")
    u = asyncio.create_task(spin(), name="queued")
    await asyncio.sleep(0)
    u.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), u.cancelled())
asyncio.run(main())
)", "/p.py"));
    // Before the cancelled task runs, the board already says why it will be cancelled.
    bool seen_pending_reason = false;
    while (!s.snapshot().finished) {
        const TaskView* t = task_named(s.snapshot(), "never_ran");
        if (t && t->state != TaskState::Done && !t->cancel_reason.empty()) {
            seen_pending_reason = true;
            CHECK(t->state == TaskState::Ready);
        }
        s.step_tick();
    }
    CHECK(seen_pending_reason);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "True True\n");
    const Snapshot& snap = s.snapshot();
    const TaskView* main = task_named(snap, "Task-1");
    const TaskView* never_ran = task_named(snap, "never_ran");
    const TaskView* queued = task_named(snap, "queued");
    REQUIRE(main);
    REQUIRE(never_ran);
    REQUIRE(queued);
    CHECK(never_ran->outcome == TaskOutcome::Cancelled);
    CHECK(never_ran->cancelled_by == main->id);
    CHECK(never_ran->cancel_reason == "`t.cancel(\"not needed\")` at line 9");
    CHECK(queued->outcome == TaskOutcome::Cancelled);
    CHECK(queued->cancelled_by == main->id);
    CHECK(queued->cancel_reason == "`u.cancel()` at line 12");
    // The narration of the ticks that ended them says why, as for any other cancellation.
    bool narrated_never_ran = false, narrated_queued = false;
    for (const auto& line : s.narration()) {
        narrated_never_ran = narrated_never_ran || has(line, "never_ran was cancelled because `t.cancel(\"not needed\")` at line 9 (done)");
        narrated_queued = narrated_queued || has(line, "queued was cancelled because `u.cancel()` at line 12 (done)");
    }
    CHECK(narrated_never_ran);
    CHECK(narrated_queued);
}
