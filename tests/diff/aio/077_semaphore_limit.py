# Semaphore(2) with 5 one-second jobs: 2 at a time.
import asyncio

async def job(sem, n):
    async with sem:
        loop = asyncio.get_running_loop()
        print(f"job {n} starts at {loop.time()}")
        await asyncio.sleep(1)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, n) for n in range(5)))
    print("all done at", asyncio.get_running_loop().time(), sem.locked())

asyncio.run(main())
