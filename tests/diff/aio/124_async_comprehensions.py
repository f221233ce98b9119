# Async comprehensions with awaits inside and filters.
import asyncio

async def double(x):
    await asyncio.sleep(0.1)
    return x * 2

async def agen(n):
    for i in range(n):
        yield i

async def main():
    print([await double(x) for x in range(4)])
    print([x async for x in agen(6) if x % 2])
    print({x: await double(x) async for x in agen(3)})
    print({x % 3 async for x in agen(10)})
    print(sum([x async for x in agen(101)]))
    print(round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
