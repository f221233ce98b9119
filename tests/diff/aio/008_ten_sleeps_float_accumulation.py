# Ten chained sleep(0.1) end at 0.9999999999999999 and fire with a sleep(1.0) (§1.4).
import asyncio

async def chained(loop):
    for _ in range(10):
        await asyncio.sleep(0.1)
    print("chain done", loop.time())

async def single(loop):
    await asyncio.sleep(1.0)
    print("single done", loop.time())

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(chained(loop), single(loop))
    print("end", loop.time())

asyncio.run(main())
