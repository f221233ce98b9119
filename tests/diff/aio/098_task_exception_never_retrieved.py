# "Task exception was never retrieved" for a fire-and-forget task that fails.
import asyncio

async def boom():
    await asyncio.sleep(1)
    raise ValueError("kaboom")

async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(2)
    print("main done")

asyncio.run(main())
