// Stepping back: a replay from the start lands exactly where the previous step_tick left the
// program (clock, queues, tasks, output, trace), including back from the end.
#include <doctest/doctest.h>

#include "engine/session/session.hpp"
#include "tests/unit/session/programs.hpp"

using namespace ll::session;
namespace prog = ll::session::testprog;

namespace {

// Everything a learner could see of one position.
std::string position(Session& s) {
    const Snapshot& snap = s.snapshot();
    std::string line = std::to_string(snap.tick) + "@" + std::to_string(snap.clock) + (snap.finished ? " end" : "") + ":";
    for (const auto& h : snap.ready) line += h.description + ",";
    line += "|";
    for (const auto& h : snap.timers) line += h.description + ",";
    line += "|";
    for (const auto& t : snap.tasks) line += t.name + "=" + to_string(t.state) + t.waiting_for + ",";
    line += "|" + s.output_text(OutputLine::Stream::Stdout) + "|" + std::to_string(s.trace().size());
    return line;
}

}  // namespace

TEST_CASE("step_back walks back through every position step_tick visited") {
    Session s;
    REQUIRE(s.load(prog::kThreeSleepers, "/p.py"));
    std::vector<std::string> seen{position(s)};
    while (!s.finished()) {
        s.step_tick();
        seen.push_back(position(s));
    }
    REQUIRE(seen.size() == 23);  // 22 ticks after the start
    for (std::size_t i = seen.size() - 1; i > 0; --i) {
        s.step_back();
        CHECK(position(s) == seen[i - 1]);
    }
    CHECK(s.snapshot().tick == 0);
    s.step_back();  // at the start: stays
    CHECK(position(s) == seen[0]);
    // And forward again from there, the same way.
    s.step_tick();
    CHECK(position(s) == seen[1]);
}

TEST_CASE("step_back after run_to_end lands one tick before the end") {
    Session a, b;
    REQUIRE(a.load(prog::kTies, "/p.py"));
    REQUIRE(b.load(prog::kTies, "/p.py"));
    std::string before_end;
    while (!a.finished()) {
        before_end = position(a);
        a.step_tick();
    }
    b.run_to_end();
    REQUIRE(b.finished());
    b.step_back();
    CHECK_FALSE(b.finished());
    CHECK(position(b) == before_end);
}

TEST_CASE("step_back keeps the parameter values the program was loaded with") {
    Session s;
    REQUIRE(s.load(prog::kSixFetches, "/p.py", {{"MODE", "\"sequential\""}}));
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "6 12.0\n");
    s.step_back();
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "6 12.0\n");
}

TEST_CASE("step_back on a program without a loop stays at its end") {
    Session s;
    REQUIRE(s.load("print('hi')\n", "/p.py"));
    REQUIRE(s.finished());
    s.step_back();
    CHECK(s.finished());
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "hi\n");
}
