# Equal deadlines: timeout timer first wins, a task timer first wins.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(1, result="task"))
    await asyncio.sleep(0)
    try:
        print(await asyncio.wait_for(t, timeout=1))
    except TimeoutError:
        print("timed out")
    print(loop.time())
    try:
        print(await asyncio.wait_for(asyncio.sleep(0.5, "inline"), timeout=1))
    except TimeoutError:
        print("timed out")

asyncio.run(main())
