# A thousand tasks, each sleeping a little; totals and clock.
import asyncio

async def unit(i):
    await asyncio.sleep((i % 10) / 10)
    return i

async def main():
    results = await asyncio.gather(*(unit(i) for i in range(1000)))
    print(len(results), sum(results), asyncio.get_running_loop().time())
    print(len(asyncio.all_tasks()))

asyncio.run(main())
