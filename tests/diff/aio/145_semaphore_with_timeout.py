# Acquiring a semaphore with a timeout.
import asyncio

async def hold(sem, d):
    async with sem:
        await asyncio.sleep(d)

async def try_acquire(sem, name, t):
    try:
        async with asyncio.timeout(t):
            async with sem:
                print(name, "acquired at", asyncio.get_running_loop().time())
    except TimeoutError:
        print(name, "gave up at", asyncio.get_running_loop().time())

async def main():
    sem = asyncio.Semaphore(1)
    h = asyncio.create_task(hold(sem, 2))
    await asyncio.sleep(0)
    await asyncio.gather(try_acquire(sem, "impatient", 1), try_acquire(sem, "patient", 3))
    await h

asyncio.run(main())
