# asyncio.sleep(delay, result=...) returns the result.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.sleep(0.5, result="half")
    print(r, loop.time())
    r = await asyncio.sleep(0, result=[1, 2])
    print(r, loop.time())
    r = await asyncio.sleep(-3, result="negative")
    print(r, loop.time())
    print(await asyncio.sleep(1), loop.time())

asyncio.run(main())
