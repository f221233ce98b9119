// Stepping the loop: tick and iteration counts, the clock at each idle jump, determinism,
// run_until, parameters, and the runaway guard. Expected values: see programs.hpp.
#include <doctest/doctest.h>

#include "engine/session/session.hpp"
#include "tests/unit/session/programs.hpp"

using namespace ll::session;
namespace prog = ll::session::testprog;

namespace {

std::vector<double> clock_jumps(const Session& s) {
    std::vector<double> out;
    for (const auto& e : s.trace())
        if (e.kind == TraceEvent::Kind::ClockAdvanced && e.task == 0) out.push_back(e.time);
    return out;
}

// One line per step: what a learner would see change.
std::string step_fingerprint(Session& s) {
    const Snapshot& snap = s.snapshot();
    std::string line = std::to_string(snap.tick) + "@" + std::to_string(snap.clock) + ":";
    for (const auto& h : snap.ready) line += h.description + ",";
    line += "|";
    for (const auto& h : snap.timers) line += h.description + ",";
    return line;
}

}  // namespace

TEST_CASE("three sleepers: 22 ticks, 17 iterations, the clock jumps to 1.0, 2.0, 3.0") {
    Session s;
    REQUIRE(s.load(prog::kThreeSleepers, "/p.py"));
    CHECK_FALSE(s.finished());
    CHECK(s.snapshot().tick == 0);
    s.run_to_end();
    REQUIRE(s.finished());
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "woke 1 1.0\nwoke 2 2.0\nwoke 3 3.0\n");
    CHECK(s.snapshot().tick == 22);
    CHECK(s.snapshot().iteration == 17);
    CHECK(clock_jumps(s) == std::vector<double>{1.0, 2.0, 3.0});
    CHECK(s.snapshot().exit_status == 0);
}

TEST_CASE("step_tick runs exactly one tick per call and is deterministic") {
    std::vector<std::string> runs[2];
    for (auto& run : runs) {
        Session s;
        REQUIRE(s.load(prog::kThreeSleepers, "/p.py"));
        for (int i = 0; i < 100 && !s.finished(); ++i) {
            s.step_tick();
            run.push_back(step_fingerprint(s));
        }
        CHECK(s.finished());
    }
    CHECK(runs[0].size() == 22);
    CHECK(runs[0] == runs[1]);
}

TEST_CASE("step_iteration runs one pass of the loop per call") {
    Session s;
    REQUIRE(s.load(prog::kThreeSleepers, "/p.py"));
    int steps = 0;
    while (!s.finished() && steps < 100) {
        s.step_iteration();
        ++steps;
    }
    CHECK(steps == 17);
}

TEST_CASE("reset replays the same ticks") {
    Session s;
    REQUIRE(s.load(prog::kTies, "/p.py"));
    s.run_to_end();
    auto first = s.narration();
    CHECK(s.snapshot().tick == 22);
    s.reset();
    CHECK(s.snapshot().tick == 0);
    s.run_to_end();
    CHECK(s.narration() == first);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "w 0 1.0\nw 1 1.0\nw 3 1.0\nw 2 1.0\nmain done\n");
}

TEST_CASE("run_until stops at the first tick at or after t, never jumping past it") {
    Session s;
    REQUIRE(s.load(prog::kThreeSleepers, "/p.py"));
    s.run_until(2.0);
    CHECK(s.snapshot().clock == 2.0);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "woke 1 1.0\n");
    s.run_until(2.5);  // the next timer is at 3.0: stop before the jump
    CHECK(s.snapshot().clock == 2.0);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "woke 1 1.0\nwoke 2 2.0\n");
    s.run_to_end();
    CHECK(s.snapshot().clock == 3.0);
}

TEST_CASE("six fetches: gather finishes at t=3.0, one by one at t=12.0") {
    Session s;
    REQUIRE(s.load(prog::kSixFetches, "/p.py"));
    REQUIRE(s.params().size() == 1);
    CHECK(s.params()[0].name == "MODE");
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "6 3.0\n");
    CHECK(s.snapshot().clock == 3.0);
    REQUIRE(s.load(prog::kSixFetches, "/p.py", {{"MODE", "\"sequential\""}}));
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "6 12.0\n");
    CHECK(s.snapshot().clock == 12.0);
}

TEST_CASE("a runaway task is reported as a frozen loop, never hangs") {
    Session s;
    Limits limits;
    limits.tick_budget = 20000;
    s.set_limits(limits);
    REQUIRE(s.load(prog::kSpinner, "/p.py"));
    s.run_to_end();
    CHECK(s.finished());
    REQUIRE(s.snapshot().frozen.has_value());
    // The line where the loop resumes when stopped: its head, `while True:`.
    CHECK(*s.snapshot().frozen == "the loop is frozen: Task-2 is stuck at line 3");
}

TEST_CASE("a loop with nothing to wait for ends like the oracle: status 3, no finally") {
    Session s;
    REQUIRE(s.load("import asyncio\n"
                   "async def main():\n"
                   "    print('waiting forever')\n"
                   "    try:\n"
                   "        await asyncio.get_running_loop().create_future()\n"
                   "    finally:\n"
                   "        print('finally must not run')\n"
                   "asyncio.run(main())\n",
                   "/p.py"));
    s.run_to_end();
    CHECK(s.finished());
    CHECK(s.snapshot().exit_status == 3);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "waiting forever\n");
    CHECK(s.output_text(OutputLine::Stream::Stderr) ==
          "oracle: deadlock: the event loop is idle with no timers and nothing else can wake it\n");
}

TEST_CASE("time.sleep blocks the whole loop: main wakes at 2.0, the trace shows the freeze") {
    // CPython: "blocker done 2.0", "main woke 2.0" (ASYNCIO-SEMANTICS.md section 11).
    Session s;
    REQUIRE(s.load("import asyncio, time\n"
                   "async def blocker():\n"
                   "    time.sleep(2)\n"
                   "    print('blocker done', time.monotonic())\n"
                   "async def main():\n"
                   "    asyncio.create_task(blocker())\n"
                   "    await asyncio.sleep(0.5)\n"
                   "    print('main woke', asyncio.get_running_loop().time())\n"
                   "asyncio.run(main())\n",
                   "/p.py"));
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "blocker done 2.0\nmain woke 2.0\n");
    bool blocked = false;
    for (const auto& e : s.trace())
        blocked = blocked || (e.kind == TraceEvent::Kind::ClockAdvanced && e.task == 2 &&
                              e.detail == "a blocking call froze the loop: the clock moved from t=0.0 to t=2.0");
    CHECK(blocked);
    CHECK(clock_jumps(s).empty());  // the timer was already due: the idle loop never jumped
    auto lines = s.narration();
    REQUIRE(lines.size() >= 2);
    CHECK(lines[1] == "Task-2 returned None (done); a blocking call froze the whole loop for 2.0 s");
}
