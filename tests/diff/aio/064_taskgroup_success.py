# TaskGroup: all children succeed; results through the tasks.
import asyncio

async def fetch(n):
    await asyncio.sleep(n / 2)
    print("fetched", n)
    return n * n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n)) for n in (3, 1, 2)]
        print("body done, waiting; tasks:", len(tasks))
    print([t.result() for t in tasks], asyncio.get_running_loop().time())
    print(repr(tg))

asyncio.run(main())
