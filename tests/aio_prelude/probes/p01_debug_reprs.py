# Debug mode: "created at" sites in task, future and handle reprs, and slow callbacks.
import asyncio
import time

def slow_cb(x):
    time.sleep(0.3)

async def blocker():
    time.sleep(2)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(blocker())
    print(t)
    fut = loop.create_future()
    print(fut)
    print(asyncio.Future())
    print(loop.call_soon(slow_cb, 42))
    print(loop.call_later(1, slow_cb, "later"))
    await asyncio.sleep(0)
    time.sleep(0.1)
    await asyncio.sleep(1.5)
    print(asyncio.current_task())
    fut.cancel()

asyncio.run(main(), debug=True)
