# (b) 100,000 tasks with random sleeps, at most 1,000 at a time through a Semaphore.
import asyncio
import random


async def job(sem, delay):
    async with sem:
        await asyncio.sleep(delay)


async def main():
    random.seed(7)
    sem = asyncio.Semaphore(1000)
    await asyncio.gather(*(job(sem, random.random()) for _ in range(100_000)))
    print(f"finished at t = {asyncio.get_running_loop().time():.3f}")


asyncio.run(main())
