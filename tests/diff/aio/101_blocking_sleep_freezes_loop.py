# time.sleep inside a coroutine freezes the loop: main wakes late (§11).
import asyncio
import time

async def blocker():
    print("blocker sleeping 2 s (blocking)")
    time.sleep(2)
    print("blocker done at", asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(blocker())
    await asyncio.sleep(0.5)
    print("main woke at", loop.time())

asyncio.run(main())
