# A failing child cancels its siblings; only one sibling prints (to avoid set order, §13).
import asyncio

async def noisy():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("noisy sibling cancelled at", asyncio.get_running_loop().time())
        raise

async def quiet():
    await asyncio.sleep(10)

async def failing():
    await asyncio.sleep(2)
    raise RuntimeError("failing child")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(noisy())
            tg.create_task(quiet())
            tg.create_task(quiet())
            tg.create_task(failing())
    except* RuntimeError as eg:
        print("caught", eg.exceptions, "at", asyncio.get_running_loop().time())

asyncio.run(main())
