# The TaskGroup body itself raises: children are cancelled, error is grouped.
import asyncio

async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(1)
            raise KeyError("from body")
    except* KeyError as eg:
        print("caught", repr(eg))

asyncio.run(main())
