// Simulated threads: start order, the GIL handed over at blocking calls, locks, executors, the
// default worker count, deadlocks and errors.
#include <doctest/doctest.h>

#include "tests/unit/sim/sim_testing.hpp"

TEST_CASE("a new thread runs until it blocks before start() returns (the GIL goes to it first)") {
    SimRun r = run_sim(R"(
import threading, time
def work():
    print("worker starts")
    time.sleep(1)
    print("worker ends at", time.time())
t = threading.Thread(target=work)
t.start()
print("main after start at", time.time())
t.join()
print("main after join at", time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out == "worker starts\nmain after start at 0.0\nworker ends at 1.0\nmain after join at 1.0\n");
}

TEST_CASE("a lock held across a sleep makes the other threads wait, first come first served") {
    SimRun r = run_sim(R"(
import threading, time
lock = threading.Lock()
def work(name):
    with lock:
        print(name, "got the lock at", time.time())
        time.sleep(1)
ts = [threading.Thread(target=work, args=(n,)) for n in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("end", time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out == "a got the lock at 0.0\nb got the lock at 1.0\nc got the lock at 2.0\nend 3.0\n");
}

TEST_CASE("timeouts: acquire, join and Event.wait give up at the right virtual time") {
    SimRun r = run_sim(R"(
import threading, time
lock = threading.Lock()
lock.acquire()
print(lock.acquire(timeout=0.25), time.time())
ev = threading.Event()
print(ev.wait(0.5), time.time())
t = threading.Thread(target=time.sleep, args=(10,), daemon=True)
t.start()
t.join(1)
print(t.is_alive(), time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out == "False 0.25\nFalse 0.75\nTrue 1.75\n");
}

TEST_CASE("the default executor has min(32, cpu + 4) = 6 workers on the simulated 2-core machine") {
    SimRun r = run_sim(R"(
from concurrent.futures import ThreadPoolExecutor
import time, threading
ex = ThreadPoolExecutor()
print(ex._max_workers)
fs = [ex.submit(time.sleep, 1) for _ in range(8)]
names = sorted({t.name for t in threading.enumerate()})
print(len(names) - 1, names[0], names[-1])
ex.shutdown()
print(time.time())
)");
    CHECK(r.err == "");
    // Eight one-second jobs on six workers: two rounds.
    CHECK(r.out == "6\n6 MainThread ThreadPoolExecutor-0_5\n2.0\n");
}

TEST_CASE("a program whose threads all wait forever is reported as a deadlock") {
    SimRun r = run_sim(R"(
import threading
lock = threading.Lock()
lock.acquire()
def work():
    lock.acquire()
t = threading.Thread(target=work)
t.start()
t.join()
)");
    CHECK_FALSE(r.ok);
    CHECK(r.err.find("looplab: deadlock: every thread is blocked") != std::string::npos);
    CHECK(r.err.find("Thread-1 (work) waits for a lock") != std::string::npos);
}

TEST_CASE("Lock's errors are CPython's") {
    SimRun r = run_sim(R"(
import threading
lock = threading.Lock()
for args in [(False, 1), (True, -2)]:
    try:
        lock.acquire(*args)
    except ValueError as e:
        print(e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print(e)
)");
    CHECK(r.out ==
          "can't specify a timeout for a non-blocking call\n"
          "timeout value must be a non-negative number\n"
          "cannot join thread before it is started\n");
}

TEST_CASE("a thread that never blocks with the CPU model off is reported as frozen, not hung") {
    SimRun r = run_sim(R"(
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin).start()
)");
    CHECK_FALSE(r.ok);
    CHECK(r.err.find("Thread-1 (spin) is frozen") != std::string::npos);
}
