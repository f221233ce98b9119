# sleep(0.1) then sleep(0.2) ends at 0.30000000000000004 but fires with sleep(0.3) (§1.4).
import asyncio

async def two_steps(loop):
    await asyncio.sleep(0.1)
    print("first step", loop.time())
    await asyncio.sleep(0.2)
    print("two steps", loop.time())

async def one_step(loop):
    await asyncio.sleep(0.3)
    print("one step", loop.time())

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(two_steps(loop), one_step(loop))
    print(0.1 + 0.2, loop.time())

asyncio.run(main())
