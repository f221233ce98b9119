# Timeout.reschedule moves the deadline; errors before entry and after exit.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(1)
    try:
        t.reschedule(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with t:
            t.reschedule(loop.time() + 3)
            print("rescheduled to", t.when())
            await asyncio.sleep(2)
            print("still alive at", loop.time())
            t.reschedule(None)
            await asyncio.sleep(5)
            print("no deadline now", loop.time())
            t.reschedule(loop.time() + 0.5)
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired at", loop.time())
    try:
        t.reschedule(100)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
