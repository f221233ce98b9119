# Overdue timers run after what was already in ready, after a blocking call (§1.4).
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, print, "timer 0.5 (overdue)")
    loop.call_later(3, print, "timer 3")
    loop.call_soon(print, "ready A")
    time.sleep(1)
    loop.call_soon(print, "ready B")
    print("clock after blocking", loop.time())
    await asyncio.sleep(0)
    print("main after sleep(0)", loop.time())
    await asyncio.sleep(3)

asyncio.run(main())
