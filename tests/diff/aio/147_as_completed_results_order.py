# as_completed over tasks with equal delays: ties follow the timer heap.
import asyncio

async def job(n):
    await asyncio.sleep(1)
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(5)]
    print([await aw for aw in asyncio.as_completed(tasks)])
    tasks = [asyncio.create_task(job(n)) for n in range(5)]
    out = []
    async for t in asyncio.as_completed(tasks):
        out.append(t.result())
    print(out)

asyncio.run(main())
