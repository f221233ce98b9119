# gather returns results in argument order regardless of finishing order.
import asyncio

async def work(name, d):
    loop = asyncio.get_running_loop()
    print(f"{loop.time()} {name} start")
    await asyncio.sleep(d)
    print(f"{loop.time()} {name} end")
    return name.upper()

async def main():
    r = await asyncio.gather(work("a", 3), work("b", 1), work("c", 2))
    print(r, asyncio.get_running_loop().time())
    print(await asyncio.gather())

asyncio.run(main())
