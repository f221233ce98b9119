# A semaphore lets at most LIMIT fetches run at once: six 1 s fetches take 6 / LIMIT seconds.
import asyncio
import time

LIMIT = 2  # param: 1..6
running = 0


async def fetch(sem, i):
    global running
    async with sem:  # waits here while LIMIT fetches hold the semaphore
        running += 1
        print(f"t={time.monotonic():.1f} fetch {i} starts ({running} running)")
        await asyncio.sleep(1)
        running -= 1
    return i


async def main():
    sem = asyncio.Semaphore(LIMIT)
    start = time.monotonic()
    await asyncio.gather(*(fetch(sem, i) for i in range(6)))
    print(f"6 fetches, {LIMIT} at a time: {time.monotonic() - start:.1f} s")


asyncio.run(main())
