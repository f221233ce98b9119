// Line steps inside coroutines: Task.__step's coro.send/throw run inline in the VM, so a line
// step stops at each line of a task's own code, in order, like a debugger, and the task's
// bookmark while it runs is its exact frame chain.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/session/session.hpp"
#include "tests/unit/session/programs.hpp"

using namespace ll::session;

namespace {

// Lines: 3-4 helper, 6-10 worker.
constexpr const char* kAwaits = R"(import asyncio
async def helper(n):
    await asyncio.sleep(n)
    return n * 2
async def worker():
    x = 1
    y = await helper(x)
    print("got", y)
    await asyncio.sleep(0)
    print("done", x + y)
asyncio.run(worker())
)";

const TaskView* task_named(const Snapshot& s, const std::string& coro) {
    for (const auto& t : s.tasks)
        if (t.coro == coro) return &t;
    return nullptr;
}

std::string bookmark_text(const TaskView& t) {
    std::string out;
    for (const auto& f : t.bookmark) {
        if (f.internal) continue;
        if (!out.empty()) out += " > ";
        out += f.function + "@" + std::to_string(f.line);
    }
    return out;
}

std::string local_of(const TaskView& t, const std::string& function, const std::string& name) {
    for (const auto& f : t.bookmark)
        if (f.function == function)
            for (const auto& l : f.locals)
                if (l.name == name) return l.repr;
    return "";
}

}  // namespace

TEST_CASE("step_line walks a coroutine's lines in order, across awaits and into awaited coroutines") {
    Session s;
    REQUIRE(s.load(kAwaits, "/p.py"));
    std::vector<int> task_lines;   // where each step stopped while the task's code ran
    std::vector<std::string> marks;
    for (int guard = 0; guard < 500 && !s.finished(); ++guard) {
        s.step_line();
        const Snapshot& snap = s.snapshot();
        if (snap.finished || snap.running_task == 0) continue;
        task_lines.push_back(snap.current_line);
        const TaskView* t = task_named(snap, "worker");
        REQUIRE(t != nullptr);
        marks.push_back(bookmark_text(*t));
    }
    REQUIRE(s.finished());
    CHECK(task_lines == std::vector<int>{6, 7, 3, 4, 8, 9, 10});
    CHECK(marks == std::vector<std::string>{"worker@6", "worker@7", "worker@7 > helper@3", "worker@7 > helper@4",
                                            "worker@8", "worker@9", "worker@10"});
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "got 2\ndone 3\n");
}

TEST_CASE("a task paused by a line step shows its locals as they are at that line") {
    Session s;
    REQUIRE(s.load(kAwaits, "/p.py"));
    // Step until the worker is about to print (line 8): y has been assigned, helper is gone.
    for (int guard = 0; guard < 500 && !s.finished(); ++guard) {
        s.step_line();
        if (s.snapshot().running_task != 0 && s.snapshot().current_line == 8) break;
    }
    const Snapshot& snap = s.snapshot();
    REQUIRE(snap.current_line == 8);
    const TaskView* t = task_named(snap, "worker");
    REQUIRE(t != nullptr);
    CHECK(t->state == TaskState::Running);
    CHECK(local_of(*t, "worker", "x") == "1");
    CHECK(local_of(*t, "worker", "y") == "2");
    CHECK(s.output_text(OutputLine::Stream::Stdout).empty());
    s.step_line();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "got 2\n");
    CHECK(s.snapshot().current_line == 9);
}

TEST_CASE("line steps through cancellation (coro.throw) stop in the except block of the task") {
    Session s;
    REQUIRE(s.load(R"(import asyncio
async def victim():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("cancelled")
        raise
async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw it")
asyncio.run(main())
)",
                   "/p.py"));
    std::vector<int> victim_lines;
    for (int guard = 0; guard < 2000 && !s.finished(); ++guard) {
        s.step_line();
        const Snapshot& snap = s.snapshot();
        if (snap.finished || snap.running_task == 0) continue;
        for (const auto& t : snap.tasks)
            if (t.id == snap.running_task && t.coro == "victim") victim_lines.push_back(snap.current_line);
    }
    REQUIRE(s.finished());
    std::string seen;
    for (int l : victim_lines) seen += std::to_string(l) + " ";
    INFO("victim lines: " << seen);
    CHECK(victim_lines == std::vector<int>{3, 4, 5, 6, 7});
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "cancelled\nmain saw it\n");
}

TEST_CASE("stepping a program by lines ends exactly where running it ends") {
    for (const char* program : {kAwaits, ll::session::testprog::kTies}) {
        CAPTURE(program);
        Session a, b;
        REQUIRE(a.load(program, "/p.py"));
        REQUIRE(b.load(program, "/p.py"));
        int steps = 0;
        while (!a.finished() && steps < 5000) {
            a.step_line();
            ++steps;
        }
        b.run_to_end();
        CHECK(a.finished());
        CHECK(a.output_text(OutputLine::Stream::Stdout) == b.output_text(OutputLine::Stream::Stdout));
        CHECK(a.snapshot().tick == b.snapshot().tick);
        CHECK(a.narration() == b.narration());
    }
}

TEST_CASE("a runaway loop under a line step is reported as frozen, not stepped forever") {
    Session s;
    Limits lim;
    lim.tick_budget = 20000;
    s.set_limits(lim);
    REQUIRE(s.load("import asyncio\nasync def spin():\n    while True: pass\nasyncio.run(spin())\n", "/p.py"));
    for (int i = 0; i < 50 && !s.finished(); ++i) s.step_line();
    REQUIRE(s.finished());
    REQUIRE(s.snapshot().frozen.has_value());
    CHECK(*s.snapshot().frozen == "the loop is frozen: Task-1 is stuck at line 3");
}
