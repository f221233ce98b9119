# Cancelling the task that runs a TaskGroup cancels its children.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    finally:
        if n == 0:
            print("child 0 finally at", asyncio.get_running_loop().time())

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(child(n))
    except asyncio.CancelledError:
        print("runner sees CancelledError")
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled:", t.cancelled())

asyncio.run(main())
