# call_later timers fire by deadline, ties in heap order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for d in (3, 1, 2, 0.5, 2, 1):
        loop.call_later(d, lambda d=d: print(f"fired {d} at {loop.time()}"))
    await asyncio.sleep(4)
    print("main woke at", loop.time())

asyncio.run(main())
