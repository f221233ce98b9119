# call_soon callbacks run in FIFO order, one iteration later.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_soon(print, "soon", i)
    print("scheduled")
    await asyncio.sleep(0)
    print("after one iteration")
    h = loop.call_soon(print, "cancelled one")
    loop.call_soon(print, "kept")
    h.cancel()
    print(h.cancelled())
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
