# 3.13 as_completed with async for yields the original tasks.
import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d * 10

async def main():
    tasks = [asyncio.create_task(work(d), name=f"w{d}") for d in (2, 1, 3)]
    async for t in asyncio.as_completed(tasks):
        print(t.get_name(), t.result(), t in tasks)

asyncio.run(main())
