# A coroutine passed twice to gather becomes one task.
import asyncio

async def once():
    print("running once")
    await asyncio.sleep(1)
    return 7

async def main():
    c = once()
    print(await asyncio.gather(c, c))
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, once()))

asyncio.run(main())
