# Condition: notify(n) wakes waiters in FIFO order after the lock is released.
import asyncio

async def consumer(cond, name, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0), "at", asyncio.get_running_loop().time())

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        items.extend(["a", "b"])
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(1)
    async with cond:
        items.extend(["c", "d"])
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*tasks)

asyncio.run(main())
