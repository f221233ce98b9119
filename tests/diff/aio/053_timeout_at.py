# asyncio.timeout_at with an absolute deadline; past deadlines.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    try:
        async with asyncio.timeout_at(loop.time() + 1.5):
            await asyncio.sleep(3)
    except TimeoutError:
        print("timeout_at fired at", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("body runs until its first suspension")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline fired at", loop.time())

asyncio.run(main())
