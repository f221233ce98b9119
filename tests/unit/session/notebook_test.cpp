// Notebook mode of the session: cells in a loop that is already running, stepping and snapshots
// inside cells, a SyntaxError or an exception in a cell leaving the notebook usable, and the
// `# %%` splitting the CLI uses. Expected values are CPython 3.13's (tests/diff/notebook has
// the same behaviours compared with the oracle).
#include <doctest/doctest.h>

#include <string>

#include "engine/session/notebook_cells.hpp"
#include "engine/session/session.hpp"

using ll::session::OutputLine;
using ll::session::Session;
using ll::session::TaskState;

namespace {

std::string out(const Session& s) { return s.output_text(OutputLine::Stream::Stdout); }
std::string err(const Session& s) { return s.output_text(OutputLine::Stream::Stderr); }

}  // namespace

TEST_CASE("notebook: cells share globals, await at top level, show Out[N] and keep the clock") {
    Session s;
    s.open_notebook("/nb.py");
    CHECK(s.is_notebook());
    CHECK(s.waiting_for_cell());
    CHECK_FALSE(s.finished());
    s.run_cell("import asyncio\nx = 20\n");
    CHECK(s.waiting_for_cell());
    s.run_cell("await asyncio.sleep(1.5)\nx + 1\n", 4);
    CHECK(out(s) == "Out[2]: 21\n");
    CHECK(s.snapshot().clock == 1.5);
    s.run_cell("None\n");
    s.run_cell("asyncio.get_running_loop().is_running(), asyncio.current_task().get_name()\n");
    CHECK(out(s) == "Out[2]: 21\nOut[4]: (True, 'Task-1')\n");
    CHECK(s.cells_run() == 4);
    s.close_notebook();
    CHECK(s.finished());
    CHECK(s.snapshot().exit_status == 0);
    CHECK(err(s).empty());
}

TEST_CASE("notebook: a SyntaxError in a cell names its line and column, and the notebook goes on") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell("y = 5\n");
    s.run_cell("y = (1 +\n", 3);
    CHECK(err(s) == "  File \"/nb.py\", line 3\n    y = (1 +\n        ^\nSyntaxError: '(' was never closed\n");
    CHECK(s.waiting_for_cell());
    s.run_cell("def f():\n    await g()\n", 5);
    CHECK(err(s).find("  File \"/nb.py\", line 6\n    await g()\n    ^^^^^^^^^\nSyntaxError: 'await' outside async function\n") !=
          std::string::npos);
    s.run_cell("y * 2\n", 8);
    CHECK(out(s) == "Out[4]: 10\n");
    s.close_notebook();
    CHECK(s.snapshot().exit_status == 1);
}

TEST_CASE("notebook: an exception prints its traceback from the cell on; asyncio.run fails in a cell") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell("import asyncio\nasync def main():\n    return 1\n");
    s.run_cell("c = main()\nasyncio.run(c)\n", 4);
    CHECK(err(s).rfind("Traceback (most recent call last):\n  File \"/nb.py\", line 5, in <module>\n", 0) == 0);
    CHECK(err(s).find("RuntimeError: asyncio.run() cannot be called from a running event loop\n") != std::string::npos);
    CHECK(err(s).find("<notebook>") == std::string::npos);  // the driver's frames are not shown
    s.run_cell("await c\n", 7);
    CHECK(out(s) == "Out[3]: 1\n");
}

TEST_CASE("notebook: a task created in one cell progresses between cells and while later cells await") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell(
        "import asyncio\n"
        "async def ticker():\n"
        "    for i in range(3):\n"
        "        print('tick', i, asyncio.get_running_loop().time())\n"
        "        await asyncio.sleep(1)\n"
        "t = asyncio.create_task(ticker())\n");
    // Between cells the ready task ran its first step; the clock stood still.
    CHECK(out(s) == "tick 0 0.0\n");
    const auto& snap = s.snapshot();
    CHECK(snap.clock == 0.0);
    REQUIRE(snap.tasks.size() >= 2);
    CHECK(snap.tasks[0].name == "Task-1");
    CHECK(snap.tasks[1].name == "Task-2");
    CHECK(snap.tasks[1].coro == "ticker");
    CHECK(snap.tasks[1].state == TaskState::Pending);
    REQUIRE(snap.timers.size() == 1);
    CHECK(snap.timers[0].when == 1.0);
    s.run_cell("print('no await')\n");
    CHECK(out(s) == "tick 0 0.0\nno await\n");
    s.run_cell("await asyncio.sleep(1.5)\n");
    CHECK(out(s) == "tick 0 0.0\nno await\ntick 1 1.0\n");
    CHECK(s.snapshot().clock == 1.5);
}

TEST_CASE("notebook: line stepping and ticks inside a cell, with the snapshot showing where it is") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell("import asyncio\n");
    s.submit_cell("a = 1\nawait asyncio.sleep(2)\nb = a + 1\nprint('b', b)\n", 10);
    CHECK_FALSE(s.waiting_for_cell());
    s.step_line();
    CHECK(s.snapshot().current_line == 10);
    s.step_line();
    CHECK(s.snapshot().current_line == 11);
    // The cell's task (the notebook's Task-1) sleeps: ticks move the clock to its timer.
    for (int i = 0; i < 20 && s.snapshot().clock < 2.0; ++i) s.step_tick();
    CHECK(s.snapshot().clock == 2.0);
    CHECK(out(s).empty());
    for (int i = 0; i < 20 && s.snapshot().current_line != 12; ++i) s.step_line();
    CHECK(s.snapshot().current_line == 12);
    s.run_until_next_cell();
    CHECK(out(s) == "b 2\n");
    CHECK(s.waiting_for_cell());
    CHECK_FALSE(s.trace().empty());
    CHECK_FALSE(s.narration().empty());
}

TEST_CASE("notebook: reset restarts an empty notebook; step_back replays the cells") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell("import asyncio\nn = 1\n");
    s.run_cell("await asyncio.sleep(1)\nn\n");
    std::int64_t ticks = s.snapshot().tick;
    REQUIRE(ticks > 1);
    s.step_back();
    CHECK(s.snapshot().tick == ticks - 1);
    s.run_until_next_cell();
    CHECK(s.snapshot().tick == ticks);
    CHECK(out(s) == "Out[2]: 1\n");
    s.reset();
    CHECK(s.waiting_for_cell());
    CHECK(out(s).empty());
    s.run_cell("n\n");
    CHECK(err(s).find("NameError: name 'n' is not defined") != std::string::npos);
}

TEST_CASE("split_cells: `# %%` markers, first lines, cells without code left out") {
    auto cells = ll::session::split_cells("# title\nimport asyncio\n# %% first\nx = 1\n\n# %% [markdown]\n# prose\n# %%\n  \n# %%\ny\n");
    REQUIRE(cells.size() == 3);
    CHECK(cells[0].source == "# title\nimport asyncio\n");
    CHECK(cells[0].first_line == 1);
    CHECK(cells[1].source == "x = 1\n\n");
    CHECK(cells[1].first_line == 4);
    CHECK(cells[2].source == "y\n");
    CHECK(cells[2].first_line == 11);
    CHECK(ll::session::split_cells("# only a comment\n# %%\n").empty());
    auto no_newline = ll::session::split_cells("# %%\nprint(1)");
    REQUIRE(no_newline.size() == 1);
    CHECK(no_newline[0].source == "print(1)\n");
    CHECK(no_newline[0].first_line == 2);
}

TEST_CASE("notebook: step_iteration and run_until inside a cell; the trace stamps the cell's events") {
    Session s;
    s.open_notebook("/nb.py");
    s.run_cell("import asyncio\nasync def w(n):\n    await asyncio.sleep(n)\n    print('w', n)\n");
    s.submit_cell("await asyncio.gather(w(1), w(2), w(3))\n", 5);
    s.run_until(2.0);
    CHECK(s.snapshot().clock <= 2.0);
    CHECK(out(s) == "w 1\n");
    std::int64_t iteration = s.snapshot().iteration;
    s.step_iteration();
    CHECK(s.snapshot().iteration == iteration + 1);
    s.run_until_next_cell();
    CHECK(out(s) == "w 1\nw 2\nw 3\nOut[2]: [None, None, None]\n");  // gather's list is not None
    CHECK(s.snapshot().clock == 3.0);
    bool printed_at_3 = false;
    for (const auto& e : s.trace())
        if (e.kind == ll::session::TraceEvent::Kind::Print && e.detail == "w 3") printed_at_3 = e.time == 3.0;
    CHECK(printed_at_3);
    CHECK(s.waiting_for_cell());
}
