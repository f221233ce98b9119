# A call_soon made now runs before a timer that is already due.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "timer 0")
    loop.call_soon(print, "soon 1")
    loop.call_at(loop.time(), print, "call_at now")
    loop.call_soon(print, "soon 2")
    await asyncio.sleep(0)
    print("main 1")
    await asyncio.sleep(0)
    print("main 2")

asyncio.run(main())
