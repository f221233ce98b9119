# Cancelling a task that awaits another task also cancels the inner task.
import asyncio

async def child():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("child cancelled", e.args, loop.time())
        await asyncio.sleep(1)
        print("child cleanup done", loop.time())
        raise

async def parent():
    c = asyncio.create_task(child())
    try:
        await c
    except asyncio.CancelledError as e:
        print("parent got", e.args, asyncio.get_running_loop().time(), c.cancelled())
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel("why")
    try:
        await p
    except asyncio.CancelledError:
        print("main: parent cancelled", p.cancelled())

asyncio.run(main())
