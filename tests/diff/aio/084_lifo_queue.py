# LifoQueue returns the newest item first.
import asyncio

async def main():
    q = asyncio.LifoQueue()
    for i in range(5):
        await q.put(i)
    print([await q.get() for _ in range(3)])
    await q.put("x")
    print(q.get_nowait(), q.get_nowait(), q.qsize())

asyncio.run(main())
