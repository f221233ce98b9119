# A thread schedules a callback on the loop with call_soon_threadsafe; it resolves a future.
import asyncio
import threading

def worker(loop, fut):
    loop.call_soon_threadsafe(fut.set_result, "hello from " + threading.current_thread().name)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = threading.Thread(target=worker, args=(loop, fut), name="helper")
    t.start()
    print(await fut)
    t.join()
    print(t.is_alive())

asyncio.run(main())
