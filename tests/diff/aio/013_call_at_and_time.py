# call_at with absolute times and loop.time().
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("start", start)
    loop.call_at(start + 2, print, "at +2")
    loop.call_at(start + 0.5, print, "at +0.5")
    h = loop.call_at(start + 1, print, "at +1 (cancelled)")
    h.cancel()
    await asyncio.sleep(1)
    print("t =", loop.time())
    await asyncio.sleep(1.5)
    print("t =", loop.time())

asyncio.run(main())
