# Condition without holding the lock.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with cond:
        cond.notify_all()
        print("notify with lock is fine; locked =", cond.locked())
    print("locked after =", cond.locked())

asyncio.run(main())
