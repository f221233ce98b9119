// The timing facts of the threads lesson, with expected virtual times computed by hand (the
// CPython oracle cannot check them: its time.sleep adds up across threads).
#include <doctest/doctest.h>

#include "tests/unit/sim/sim_testing.hpp"

TEST_CASE("four threads that each sleep 1 s all finish at t=1.0") {
    SimRun r = run_sim(R"(
import threading, time
done = []
def work(i):
    time.sleep(1)
    done.append((i, time.monotonic()))
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(done)
print(time.monotonic())
)");
    CHECK(r.err == "");
    CHECK(r.out == "[(0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0)]\n1.0\n");
}

TEST_CASE("six blocking fetches of 2, 3, 1, 2, 3, 1 s in six threads finish at t=3.0") {
    SimRun r = run_sim(R"(
import threading, time
finished = {}
def fetch(site, seconds):
    time.sleep(seconds)
    finished[site] = time.time()
delays = [2, 3, 1, 2, 3, 1]
ts = [threading.Thread(target=fetch, args=(f"site{i}", d)) for i, d in enumerate(delays)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(finished.items(), key=lambda kv: (kv[1], kv[0])))
print("total", time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out ==
          "[('site2', 1.0), ('site5', 1.0), ('site0', 2.0), ('site3', 2.0), ('site1', 3.0), ('site4', 3.0)]\n"
          "total 3.0\n");
}

TEST_CASE("the same fetches one after another take 12 s: sleeping threads overlap, sleeps in one thread add up") {
    SimRun r = run_sim(R"(
import time
for d in [2, 3, 1, 2, 3, 1]:
    time.sleep(d)
print(time.time())
)");
    CHECK(r.out == "12.0\n");
}

TEST_CASE("two threads computing 1 s of CPU each finish at t=2.0, not 1.0 (the GIL)") {
    // 1 us per step; each loop iteration is one step, so 1,000,000 iterations are 1 s of CPU.
    SimRun r = run_sim(R"(
import threading, time, looplab
ends = []
def spin():
    for _ in range(1_000_000):
        pass
    ends.append(time.perf_counter())
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(ends), min(ends) > 1.9, round(max(ends), 2))
print(looplab.cpu_cost())
)", 1e-6);
    CHECK(r.err == "");
    // They take turns every 5 ms, so both are nearly done when the first one finishes.
    CHECK(r.out == "2 True 2.0\n1e-06\n");
}

TEST_CASE("a sum split over four threads is no faster than in one thread") {
    SimRun r = run_sim(R"(
import threading, time, looplab
looplab.set_cpu_cost(1e-6)
N = 400_000
def partial(lo, hi, out, k):
    s = 0
    for i in range(lo, hi):
        s += i
    out[k] = s
t0 = time.perf_counter()
one = [0]
partial(0, N, one, 0)
t1 = time.perf_counter()
four = [0] * 4
ts = [threading.Thread(target=partial, args=(k * N // 4, (k + 1) * N // 4, four, k)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
t2 = time.perf_counter()
print(one[0] == sum(four), round(t1 - t0, 2), round(t2 - t1, 2), t2 - t1 >= t1 - t0)
)");
    CHECK(r.err == "");
    CHECK(r.out == "True 0.4 0.4 True\n");
}

TEST_CASE("await asyncio.to_thread(time.sleep, 2) leaves the loop free: ticks at 0.5, 1.0, 1.5") {
    SimRun r = run_sim(R"(
import asyncio, time
async def ticker():
    loop = asyncio.get_running_loop()
    for _ in range(3):
        await asyncio.sleep(0.5)
        print("tick", loop.time())
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.to_thread(time.sleep, 2)
    print("thread done", loop.time())
    await t
asyncio.run(main())
print("end", time.monotonic())
)");
    CHECK(r.err == "");
    CHECK(r.out == "tick 0.5\ntick 1.0\ntick 1.5\nthread done 2.0\nend 2.0\n");
}

TEST_CASE("time.sleep(2) inside a coroutine freezes the loop: the ticks wait until t=2.0") {
    SimRun r = run_sim(R"(
import asyncio, time
async def ticker():
    loop = asyncio.get_running_loop()
    for _ in range(3):
        await asyncio.sleep(0.5)
        print("tick", loop.time())
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(2)
    print("blocking sleep done", loop.time())
    await t
asyncio.run(main())
)");
    CHECK(r.err == "");
    CHECK(r.out == "blocking sleep done 2.0\ntick 2.0\ntick 2.5\ntick 3.0\n");
}

TEST_CASE("with the CPU cost model on, a computing coroutine holds up the loop's timers") {
    SimRun r = run_sim(R"(
import asyncio, looplab
looplab.set_cpu_cost(1e-6)
async def ticker():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    print("tick", round(loop.time(), 3))
async def crunch():
    for _ in range(500_000):
        pass
    print("crunched", round(asyncio.get_running_loop().time(), 3))
async def main():
    await asyncio.gather(ticker(), crunch())
asyncio.run(main())
)");
    CHECK(r.err == "");
    CHECK(r.out == "crunched 0.5\ntick 0.5\n");
}

TEST_CASE("a timed-out to_thread keeps its thread running; asyncio.run waits for it at shutdown") {
    // ASYNCIO-SEMANTICS.md section 9: cancelled at 0.1, the thread's print at 1.0, run returns at 1.0.
    SimRun r = run_sim(R"(
import asyncio, time
def work():
    time.sleep(1)
    print("thread done at", time.time())
async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(asyncio.to_thread(work), 0.1)
    except TimeoutError:
        print("timed out at", loop.time())
asyncio.run(main())
print("run returned at", time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out == "timed out at 0.1\nthread done at 1.0\nrun returned at 1.0\n");
}

TEST_CASE("threads sleeping in a pool of two: four 1 s jobs take 2 s") {
    SimRun r = run_sim(R"(
import time
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(lambda d: (time.sleep(d), time.time())[1], [1, 1, 1, 1])))
print(time.time())
)");
    CHECK(r.err == "");
    CHECK(r.out == "[1.0, 1.0, 2.0, 2.0]\n2.0\n");
}
