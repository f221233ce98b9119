# PriorityQueue returns items in heap order.
import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (0, "now")]:
        q.put_nowait(item)
    print(str(q))
    while not q.empty():
        print(await q.get())

asyncio.run(main())
