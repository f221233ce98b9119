// Small asyncio programs shared by the session tests. Their expected outputs and counts come from
// CPython 3.13 on the virtual clock (tests/diff/oracle) and, for tick and iteration counts, from
// the prelude's trace under CPython (LOOPLAB_TRACE with tests/aio_prelude/shim).
#pragma once


namespace ll::session::testprog {

// CPython: "woke 1 1.0", "woke 2 2.0", "woke 3 3.0"; 19 handles + 3 clock jumps = 22 ticks,
// 17 iterations (gather, then asyncio.run's two shutdown tasks).
inline constexpr const char* kThreeSleepers = R"(import asyncio
async def sleeper(d):
    await asyncio.sleep(d)
    print("woke", d, asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(sleeper(1), sleeper(2), sleeper(3))
asyncio.run(main())
)";

// CPython: w 0, w 1, w 3, w 2 at 1.0 (heapq ties with main's 2.0 timer pushed first), then
// "main done"; 20 handles + 2 clock jumps, 11 iterations.
inline constexpr const char* kTies = R"(import asyncio
async def w(i, d):
    await asyncio.sleep(d)
    print("w", i, asyncio.get_running_loop().time())
async def main():
    for i in range(4):
        asyncio.create_task(w(i, 1))
    await asyncio.sleep(2)
    print("main done")
asyncio.run(main())
)";

// CPython: "6 3.0" with MODE gather, "6 12.0" with MODE sequential.
inline constexpr const char* kSixFetches = R"(import asyncio
SITES = {"a.com": 1, "b.com": 3, "c.com": 2, "d.com": 2, "e.com": 1, "f.com": 3}
MODE = "gather"  # param: gather | sequential
async def fetch(site):
    await asyncio.sleep(SITES[site])
    return site
async def main():
    loop = asyncio.get_running_loop()
    if MODE == "gather":
        got = await asyncio.gather(*(fetch(s) for s in SITES))
    else:
        got = [await fetch(s) for s in SITES]
    print(len(got), loop.time())
asyncio.run(main())
)";

// A task that never yields: the tick budget must stop it (CPython would hang).
inline constexpr const char* kSpinner = R"(import asyncio
async def spin():
    while True:
        pass
async def main():
    asyncio.create_task(spin())
    await asyncio.sleep(1)
asyncio.run(main())
)";

}  // namespace ll::session::testprog
