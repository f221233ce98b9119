# Timeouts on queue waits.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        async with asyncio.timeout(1):
            await q.get()
    except TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())
    await q.put("x")
    try:
        await asyncio.wait_for(q.put("y"), timeout=0.5)
    except TimeoutError:
        print("put timed out at", asyncio.get_running_loop().time())
    print(q.qsize(), await q.get())

asyncio.run(main())
