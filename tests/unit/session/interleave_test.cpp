// Mixing step kinds: any interleaving of step_line / step_tick / step_iteration / run_until /
// snapshot / reset must leave the session where the same position reached another way leaves it.
// Checked two ways: a fresh session replaying the same commands sees the same thing after every
// command, and whenever a command ends on a tick boundary the state equals a fresh session
// stepped tick by tick to that tick (same clock, queues, tasks, output and trace).
#include <doctest/doctest.h>

#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "engine/session/session.hpp"

using namespace ll::session;

namespace {

constexpr const char* kProgram = R"(import asyncio
async def fetch(name, delay):
    print("start", name)
    total = 0
    for i in range(3):
        total += i
        await asyncio.sleep(delay / 3)
    print("end", name, total)
    return name.upper()
async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(ticker())
    results = await asyncio.gather(fetch("a", 1.5), fetch("b", 0.75), fetch("c", 3))
    await t
    print(results)
asyncio.run(main())
)";

std::string fingerprint(Session& s) {
    const Snapshot& snap = s.snapshot();
    std::string out = "tick " + std::to_string(snap.tick) + " clock " + std::to_string(snap.clock) + " line " +
                      std::to_string(snap.current_line) + " running " + std::to_string(snap.running_task) +
                      (snap.finished ? " finished" : "") + "\nready:";
    for (const auto& h : snap.ready) out += " [" + h.description + "]";
    out += "\ntimers:";
    for (const auto& h : snap.timers) out += " [" + h.description + " " + std::to_string(h.when) + "]";
    for (const auto& t : snap.tasks) {
        out += "\n" + t.name + " " + t.coro + " " + std::to_string(static_cast<int>(t.state)) + " " + t.outcome_repr + " " +
               t.waiting_for + " @";
        for (const auto& f : t.bookmark) {
            out += " " + f.function + ":" + std::to_string(f.line);
            for (const auto& l : f.locals) out += " " + l.name + "=" + l.repr;
        }
    }
    out += "\nout: " + s.output_text(OutputLine::Stream::Stdout) + "err: " + s.output_text(OutputLine::Stream::Stderr);
    // Default reprs carry addresses, which differ between two sessions.
    return std::regex_replace(out, std::regex("0x[0-9a-f]+"), "0x?");
}

std::string trace_text(const Session& s) {
    std::string out;
    for (const auto& e : s.trace())
        out += std::to_string(static_cast<int>(e.kind)) + " " + std::to_string(e.tick) + " " + std::to_string(e.time) + " " +
               std::to_string(e.task) + " " + e.detail + "\n";
    return std::regex_replace(out, std::regex("0x[0-9a-f]+"), "0x?");
}

// The state of a fresh session stepped tick by tick to `tick`.
std::string by_ticks(std::int64_t tick, std::string* trace) {
    Session c;
    c.load(kProgram, "/p.py");
    while (!c.finished() && c.snapshot().tick < tick) c.step_tick();
    *trace = trace_text(c);
    return fingerprint(c);
}

enum class Cmd { Line, Tick, Iteration, Until, Snapshot, Reset };

void apply(Session& s, Cmd c) {
    switch (c) {
        case Cmd::Line: s.step_line(); break;
        case Cmd::Tick: s.step_tick(); break;
        case Cmd::Iteration: s.step_iteration(); break;
        case Cmd::Until: s.run_until(s.snapshot().clock + 0.5); break;
        case Cmd::Snapshot: (void)s.snapshot(); break;
        case Cmd::Reset: s.reset(); break;
    }
}

std::vector<Cmd> commands(std::uint32_t seed, int n) {
    std::vector<Cmd> out;
    std::uint32_t x = seed;
    for (int i = 0; i < n; ++i) {
        x = x * 1664525u + 1013904223u;
        std::uint32_t r = (x >> 16) % 100;
        // Mostly line steps (they split ticks), some of every other kind, rare resets.
        out.push_back(r < 45 ? Cmd::Line : r < 65 ? Cmd::Tick : r < 75 ? Cmd::Iteration : r < 85 ? Cmd::Until
                      : r < 98 ? Cmd::Snapshot : Cmd::Reset);
    }
    return out;
}

}  // namespace

TEST_CASE("interleaved step kinds replay identically and agree with plain tick steps at tick boundaries") {
    std::string reference_out;
    {
        Session r;
        REQUIRE(r.load(kProgram, "/p.py"));
        r.run_to_end();
        reference_out = r.output_text(OutputLine::Stream::Stdout);
        REQUIRE(reference_out.find("['A', 'B', 'C']") != std::string::npos);
    }
    for (std::uint32_t seed : {1u, 7u, 42u, 2024u}) {
        CAPTURE(seed);
        std::vector<Cmd> cmds = commands(seed, 160);
        Session a, b;
        REQUIRE(a.load(kProgram, "/p.py"));
        REQUIRE(b.load(kProgram, "/p.py"));
        int boundary_checks = 0;
        for (std::size_t i = 0; i < cmds.size(); ++i) {
            CAPTURE(i);
            apply(a, cmds[i]);
            apply(b, cmds[i]);
            std::string fa = fingerprint(a);
            REQUIRE(fa == fingerprint(b));
            REQUIRE(trace_text(a) == trace_text(b));
            // After a tick step (not finished), the session stands at a tick boundary.
            if (cmds[i] == Cmd::Tick && !a.finished() && boundary_checks < 12) {
                ++boundary_checks;
                std::string trace;
                CHECK(fa == by_ticks(a.snapshot().tick, &trace));
                std::string ta = trace_text(a);
                std::size_t at = 0;
                while (at < ta.size() && at < trace.size() && ta[at] == trace[at]) ++at;
                std::size_t from = ta.rfind('\n', at);
                from = from == std::string::npos ? 0 : from;
                INFO("first difference: " << ta.substr(from, 160) << "\n  vs: " << trace.substr(from, 160));
                CHECK(ta == trace);
            }
        }
        a.run_to_end();
        CHECK(a.finished());
        CHECK(a.output_text(OutputLine::Stream::Stdout) == reference_out);
    }
}

TEST_CASE("the runaway guard counts a tick's whole work even when line steps split it") {
    // One tick runs about 3 x 8000 loop iterations: over a 20000 budget whichever way it is stepped.
    const char* src = "import asyncio\n"
                      "async def busy():\n"
                      "    n = 0\n"
                      "    for i in range(8000):\n"
                      "        n += 1\n"
                      "    for i in range(8000):\n"
                      "        n += 1\n"
                      "    for i in range(8000):\n"
                      "        n += 1\n"
                      "    print('done', n)\n"
                      "asyncio.run(busy())\n";
    Limits lim;
    lim.tick_budget = 20000;
    Session a, b;
    a.set_limits(lim);
    b.set_limits(lim);
    REQUIRE(a.load(src, "/p.py"));
    REQUIRE(b.load(src, "/p.py"));
    b.run_to_end();
    REQUIRE(b.snapshot().frozen.has_value());
    // Line steps until the task is inside its second loop, then run on.
    for (int i = 0; i < 200000 && !a.finished(); ++i) {
        a.step_line();
        if (a.snapshot().current_line == 7) break;
    }
    REQUIRE_FALSE(a.finished());
    a.run_to_end();
    REQUIRE(a.snapshot().frozen.has_value());
    CHECK(*a.snapshot().frozen == *b.snapshot().frozen);
    CHECK(a.output_text(OutputLine::Stream::Stdout) == b.output_text(OutputLine::Stream::Stdout));
}
