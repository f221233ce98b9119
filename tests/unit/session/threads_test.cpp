// Simulated threads in the session: rows in the snapshot (name, state, target, who holds the
// GIL) and trace events whose narration says who holds the GIL.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/session/session.hpp"

using namespace ll::session;

namespace {

bool narrated(const Session& s, const std::string& text) {
    auto lines = s.narration();
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a program without threads has no thread rows") {
    Session s;
    s.load("import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n", "/p.py");
    s.run_to_end();
    CHECK(s.snapshot().threads.empty());
}

TEST_CASE("threads appear in the snapshot; the narration says who holds the GIL") {
    Session s;
    s.load(R"(import threading, time
def work():
    time.sleep(1)
t = threading.Thread(target=work, name="w")
t.start()
t.join()
print("done", time.time())
)", "/p.py");
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "done 1.0\n");
    const Snapshot& snap = s.snapshot();
    REQUIRE(snap.threads.size() == 2);
    CHECK(snap.threads[0].name == "MainThread");
    CHECK(snap.threads[0].state == "running");
    CHECK(snap.threads[0].holds_gil);
    CHECK(snap.threads[1].name == "w");
    CHECK(snap.threads[1].target == "work");
    CHECK(snap.threads[1].state == "done");
    CHECK_FALSE(snap.threads[1].holds_gil);
    CHECK(narrated(s, "w holds the GIL and runs work"));
    CHECK(narrated(s, "w is blocked until t=1.0 (time.sleep)"));
    CHECK(narrated(s, "MainThread is blocked on a lock"));
    CHECK(narrated(s, "w finished work"));
}

TEST_CASE("mid-run, a worker of to_thread shows as blocked until its sleep ends") {
    Session s;
    s.load(R"(import asyncio, time
async def ticker():
    for _ in range(3):
        await asyncio.sleep(0.5)
        print("tick", asyncio.get_running_loop().time())
async def main():
    t = asyncio.create_task(ticker())
    await asyncio.to_thread(time.sleep, 2)
    await t
asyncio.run(main())
)", "/p.py");
    s.run_until(1.0);
    const Snapshot& snap = s.snapshot();
    CHECK(snap.clock == 1.0);
    REQUIRE(snap.threads.size() == 2);
    CHECK(snap.threads[1].name == "asyncio_0");
    CHECK(snap.threads[1].state == "blocked until t=2.0 (time.sleep)");
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "tick 0.5\ntick 1.0\ntick 1.5\n");
    CHECK(s.snapshot().exit_status == 0);
}

TEST_CASE("the session's CPU cost option makes computing take virtual time") {
    Session s;
    s.set_cpu_cost(1e-6);
    s.load("import time\nfor _ in range(250_000):\n    pass\nprint(round(time.time(), 2))\n", "/p.py");
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "0.25\n");
}

TEST_CASE("thread events carry the thread's row for the timeline") {
    Session s;
    s.load("import threading, time\nt = threading.Thread(target=time.sleep, args=(1,), name='napper')\nt.start()\nt.join()\n", "/p.py");
    s.run_to_end();
    int rows_seen = 0;
    for (const auto& e : s.trace()) {
        if (e.kind != TraceEvent::Kind::Thread) continue;
        CHECK((e.thread == 1 || e.thread == 2));
        if (e.detail.rfind("napper", 0) == 0) CHECK(e.thread == 2);
        if (e.detail.rfind("MainThread", 0) == 0) CHECK(e.thread == 1);
        rows_seen |= e.thread;
    }
    CHECK(rows_seen == 3);
}

TEST_CASE("Thread trace events carry the thread's row and its state read as a task's (for the timeline)") {
    Session s;
    s.load(R"(import asyncio, time
def work():
    time.sleep(2)
    return 7
async def main():
    print(await asyncio.to_thread(work), asyncio.get_running_loop().time())
asyncio.run(main())
)", "/p.py");
    s.run_to_end();
    CHECK(s.output_text(OutputLine::Stream::Stdout) == "7 2.0\n");
    const Snapshot& snap = s.snapshot();
    // MainThread, the executor's worker, and the thread asyncio.run() starts to shut the executor down.
    REQUIRE(snap.threads.size() == 3);
    CHECK(snap.threads[1].name == "asyncio_0");
    // The worker's row (2: MainThread is 1) goes running -> blocked in time.sleep until t=2 -> done.
    std::vector<std::pair<TaskState, double>> worker;
    bool main_row = false;
    for (const TraceEvent& e : s.trace()) {
        if (e.kind != TraceEvent::Kind::Thread) continue;
        REQUIRE((e.thread >= 1 && e.thread <= 3));
        if (e.thread == 1) main_row = true;
        if (e.thread != 2) continue;
        worker.emplace_back(e.state, e.time);
        if (e.detail.find("blocked until t=2.0") != std::string::npos) CHECK(e.state == TaskState::Pending);
        if (e.detail.find("holds the GIL") != std::string::npos) CHECK(e.state == TaskState::Running);
        if (e.detail.find("waiting for the GIL") != std::string::npos) CHECK(e.state == TaskState::Ready);
        if (e.detail.find("finished _worker") != std::string::npos) CHECK(e.state == TaskState::Done);
    }
    CHECK(main_row);
    REQUIRE(worker.size() >= 3);
    CHECK(std::find_if(worker.begin(), worker.end(), [](auto& w) { return w.first == TaskState::Running; }) != worker.end());
    CHECK(std::find_if(worker.begin(), worker.end(), [](auto& w) { return w.first == TaskState::Pending && w.second == 0.0; }) != worker.end());
    CHECK(worker.back().first == TaskState::Done);
    CHECK(worker.back().second == 2.0);
}
