# Nested gathers and gathers of tasks mixed with coroutines.
import asyncio

async def leaf(x, d):
    await asyncio.sleep(d)
    return x

async def branch(prefix):
    return await asyncio.gather(leaf(prefix + "1", 1), leaf(prefix + "2", 0.5))

async def main():
    t = asyncio.create_task(leaf("task", 2))
    r = await asyncio.gather(branch("a"), branch("b"), t, leaf("c", 0))
    print(r, asyncio.get_running_loop().time())

asyncio.run(main())
