# Lock acquire/release by hand, locked(), and a cancelled waiter.
import asyncio

async def holder(lock):
    await lock.acquire()
    print("holder acquired, locked =", lock.locked())
    await asyncio.sleep(2)
    lock.release()
    print("holder released")

async def waiter(lock, name):
    try:
        async with lock:
            print(name, "got the lock at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(1)
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("locked at end:", lock.locked())

asyncio.run(main())
