# An exception from an awaited task propagates out of asyncio.run.
import asyncio

async def worker():
    await asyncio.sleep(1)
    raise KeyError("config")

async def main():
    t = asyncio.create_task(worker())
    print("waiting for worker")
    await t

asyncio.run(main())
