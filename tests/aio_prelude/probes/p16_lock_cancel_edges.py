# Cancelling waiters of Lock, Semaphore, Queue and Condition.
import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    waiters = [asyncio.create_task(lock.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    waiters[0].cancel()
    lock.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print([w.done() and not w.cancelled() and w.result() for w in waiters], lock.locked())
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ts[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print([t.cancelled() or t.result() for t in ts], sem._value, sem.locked())
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    p = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.sleep(0)
    print(q.qsize(), p.cancelled())
    cond = asyncio.Condition()
    async def waiter(n):
        async with cond:
            await cond.wait()
            print("waiter", n, "woke")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        ws[0].cancel()
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws, return_exceptions=True)
    print([w.cancelled() for w in ws])

asyncio.run(main())
