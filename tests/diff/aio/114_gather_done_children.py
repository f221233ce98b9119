# gather of children that are already done does not suspend (3.12+).
import asyncio

async def leaf(v):
    return v

async def main():
    a = asyncio.create_task(leaf(1)); b = asyncio.create_task(leaf(2))
    await asyncio.sleep(0)
    g = asyncio.gather(a, b)
    print("done immediately:", g.done())
    print(await g)

asyncio.run(main())
