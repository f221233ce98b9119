# (a) 10,000 tasks, each awaiting asyncio.sleep(0) 100 times: one million task switches.
import asyncio


async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spin(100) for _ in range(10_000)))
    print("switches done at t =", asyncio.get_running_loop().time())


asyncio.run(main())
