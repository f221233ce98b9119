# Timeouts on every kind of wait: event, lock, queue, task, future.
import asyncio

async def attempt(name, aw, t):
    try:
        async with asyncio.timeout(t):
            r = await aw
        print(f"{name}: ok {r!r}")
    except TimeoutError:
        print(f"{name}: timed out at {asyncio.get_running_loop().time()}")

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    lock = asyncio.Lock(); await lock.acquire()
    q = asyncio.Queue()
    fut = loop.create_future()
    task = asyncio.create_task(asyncio.sleep(10))
    await attempt("event", ev.wait(), 1)
    await attempt("lock", lock.acquire(), 1)
    await attempt("queue", q.get(), 1)
    await attempt("future", fut, 1)
    await attempt("task", task, 1)
    print("task cancelled?", task.cancelled(), "future cancelled?", fut.cancelled())
    loop.call_later(0.5, ev.set)
    await attempt("event again", ev.wait(), 1)

asyncio.run(main())
