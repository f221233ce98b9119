# The course's six fetches: sequential 12 s versus gather 3 s, on the virtual clock.
import asyncio
import time

DELAYS = [2, 3, 1, 2, 3, 1]

async def fetch(i, delay):
    print(f"fetch {i} start")
    await asyncio.sleep(delay)
    print(f"fetch {i} done after {delay} s")
    return f"page{i}"

async def sequential():
    pages = []
    for i, d in enumerate(DELAYS):
        pages.append(await fetch(i, d))
    return pages

async def concurrent():
    return await asyncio.gather(*(fetch(i, d) for i, d in enumerate(DELAYS)))

async def main():
    t0 = time.perf_counter()
    print(await sequential())
    t1 = time.perf_counter()
    print(f"sequential took {t1 - t0:.1f} s")
    print(await concurrent())
    print(f"gather took {time.perf_counter() - t1:.1f} s")

asyncio.run(main())
