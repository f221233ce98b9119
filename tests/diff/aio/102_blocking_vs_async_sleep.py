# Three workers with time.sleep take 3 s sequentially; with asyncio.sleep, 1 s.
import asyncio
import time

async def blocking_worker(n):
    time.sleep(1)
    return n

async def async_worker(n):
    await asyncio.sleep(1)
    return n

async def main():
    t0 = time.perf_counter()
    print(await asyncio.gather(*(blocking_worker(n) for n in range(3))))
    t1 = time.perf_counter()
    print(f"blocking: {t1 - t0:.2f} s")
    print(await asyncio.gather(*(async_worker(n) for n in range(3))))
    print(f"async: {time.perf_counter() - t1:.2f} s")

asyncio.run(main())
