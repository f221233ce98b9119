# Chained async generators forming a pipeline.
import asyncio

async def source(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def square(it):
    async for x in it:
        yield x * x

async def evens(it):
    async for x in it:
        if x % 2 == 0:
            yield x

async def main():
    out = [x async for x in evens(square(source(10)))]
    print(out, round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
