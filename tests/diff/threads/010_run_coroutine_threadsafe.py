# A thread hands a coroutine to the loop with run_coroutine_threadsafe and waits for its result.
import asyncio
import threading

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

def from_thread(loop):
    fut = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
    return fut.result()

async def main():
    loop = asyncio.get_running_loop()
    print("result from thread:", await asyncio.to_thread(from_thread, loop))
    print("time", loop.time())

asyncio.run(main())
