// The stepping machinery on a hand-made loop that emits the prelude's trace events itself, so
// pausing, resuming, tick and iteration counting and the runaway guard are tested without the
// asyncio prelude. The printed text is what CPython prints for the same program.
#include <doctest/doctest.h>

#include "engine/session/session.hpp"

using namespace ll::session;

namespace {

constexpr const char* kFakeLoop = R"(import _looplab
class Handle:
    def __init__(self, it, n):
        self._callback = print
        self._args = (n,)
        self._cancelled = False
        self.it = it
    def _run(self):
        print("tick", self.it, self._args[0])
def run_loop():
    # Like the prelude's _run_once: the handle runs through a Python call after handle_run.
    for it in range(3):
        _looplab.event("iteration_start", it + 1)
        for h in range(2):
            handle = Handle(it, h)
            _looplab.event("handle_run", handle)
            handle._run()
            _looplab.event("handle_done", handle)
        _looplab.event("iteration_end", it + 1)
print("start")
run_loop()
print("end")
)";

constexpr const char* kRunawayCallback = R"(import _looplab
class Handle:
    _callback = print
    _args = ()
def run_loop():
    _looplab.event("iteration_start", 1)
    _looplab.event("handle_run", Handle())
    n = 0
    while True:
        n += 1
run_loop()
)";

}  // namespace

TEST_CASE("load stops before the first tick; each step_tick runs one") {
    Session s;
    REQUIRE(s.load(kFakeLoop, "/p.py"));
    CHECK_FALSE(s.finished());
    CHECK(s.snapshot().tick == 0);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "start\n");
    s.step_tick();
    CHECK(s.snapshot().tick == 1);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "start\ntick 0 0\n");
    int steps = 1;
    while (!s.finished() && steps < 20) {
        s.step_tick();
        ++steps;
    }
    CHECK(steps == 6);
    CHECK(s.snapshot().tick == 6);
    CHECK(s.snapshot().iteration == 3);
    CHECK(s.output_text(OutputLine::Stream::Stdout) ==
          "start\ntick 0 0\ntick 0 1\ntick 1 0\ntick 1 1\ntick 2 0\ntick 2 1\nend\n");
    REQUIRE(s.narration().size() == 6);
    CHECK(s.narration()[1] == "The loop ran the callback print(1)");
}

TEST_CASE("step_iteration finishes the current pass") {
    Session s;
    REQUIRE(s.load(kFakeLoop, "/p.py"));
    s.step_iteration();
    CHECK(s.snapshot().tick == 2);
    CHECK(s.snapshot().iteration == 2);
    s.step_iteration();
    CHECK(s.snapshot().tick == 4);
    s.step_iteration();
    CHECK(s.finished());
}

TEST_CASE("stepping is deterministic and reset starts over") {
    Session s;
    REQUIRE(s.load(kFakeLoop, "/p.py"));
    s.step_tick();
    s.step_tick();
    auto trace_len = s.trace().size();
    s.reset();
    CHECK(s.snapshot().tick == 0);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "start\n");
    s.step_tick();
    s.step_tick();
    CHECK(s.trace().size() == trace_len);
}

TEST_CASE("a runaway callback freezes the loop with its line") {
    Session s;
    Limits limits;
    limits.tick_budget = 10000;
    s.set_limits(limits);
    REQUIRE(s.load(kRunawayCallback, "/p.py"));
    s.run_to_end();
    CHECK(s.finished());
    REQUIRE(s.snapshot().frozen.has_value());
    CHECK(*s.snapshot().frozen == "the loop is frozen: the program is stuck at line 9");
}

TEST_CASE("malformed trace events from the learner's own code are ignored") {
    Session s;
    REQUIRE(s.load("import _looplab\n"
                   "_looplab.event('handle_run')\n"
                   "_looplab.event('task_state', 1)\n"
                   "_looplab.event('task_created', 5)\n"
                   "_looplab.event('timer_set', None)\n"
                   "print('still fine')\n",
                   "/p.py"));
    s.run_to_end();
    CHECK(s.finished());
    CHECK(s.snapshot().exit_status == 0);
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "still fine\n");
    CHECK(s.snapshot().tasks.empty());
}
