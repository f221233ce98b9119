# Outcomes crossing the thread bridges: an exception each way, and a cancel from the thread.
import asyncio
import concurrent.futures
import threading

async def fail_soon():
    await asyncio.sleep(0)  # no timer: the oracle holds its clock while a thread works
    raise KeyError("from the loop")

seen = []

async def wait_forever(event, started):
    started.set()
    try:
        await event.wait()
    except asyncio.CancelledError:
        seen.append("coroutine cancelled")  # printed by main: a print here would race the thread's
        raise

def call_into_loop(loop, event):
    fut = asyncio.run_coroutine_threadsafe(fail_soon(), loop)
    try:
        fut.result()
    except KeyError as e:
        print("thread saw", repr(e))
    started = threading.Event()
    doomed = asyncio.run_coroutine_threadsafe(wait_forever(event, started), loop)
    started.wait()  # cancel only once the coroutine runs (else it is cancelled before it starts)
    print("cancel from thread:", doomed.cancel())
    try:
        doomed.result()
    except concurrent.futures.CancelledError:
        print("thread: cancelled, done", doomed.done())
    return "thread finished"

def blow_up(n):
    raise ValueError(f"thread failed with {n}")

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.to_thread(blow_up, 1)
    except ValueError as e:
        print("loop saw", repr(e))
    print(await asyncio.to_thread(call_into_loop, loop, asyncio.Event()))
    print(seen)

asyncio.run(main())
