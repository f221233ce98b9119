# Queue: producer/consumer with join and task_done.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
        await asyncio.sleep(0.5)

async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item, "at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)
        q.task_done()

async def main():
    q = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await producer(q, 5)
    await q.join()
    print("all processed at", asyncio.get_running_loop().time())
    for c in consumers:
        c.cancel()

asyncio.run(main())
