# Async generators with async for and async comprehensions.
import asyncio

async def ticker(n, d):
    for i in range(n):
        await asyncio.sleep(d)
        yield i, asyncio.get_running_loop().time()

async def main():
    async for i, t in ticker(3, 0.5):
        print("tick", i, t)
    print([i async for i, _ in ticker(4, 0.25)])
    print({i: t async for i, t in ticker(2, 1)})
    print([x * 2 for x in [i async for i, _ in ticker(3, 0)] if x])

asyncio.run(main())
