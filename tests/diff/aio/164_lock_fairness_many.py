# Many tasks contend for a lock: FIFO service order.
import asyncio

async def worker(lock, n, order):
    await asyncio.sleep(n * 0.01)
    async with lock:
        order.append(n)
        await asyncio.sleep(0.1)

async def main():
    lock = asyncio.Lock()
    order = []
    await asyncio.gather(*(worker(lock, n, order) for n in (5, 3, 8, 1, 9, 0)))
    print(order, round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
