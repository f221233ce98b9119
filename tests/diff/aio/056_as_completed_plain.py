# as_completed over pre-created tasks: plain for loop yields awaitables in finish order.
import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    return f"{name}@{d}"

async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2), ("d", 0.5))]
    for aw in asyncio.as_completed(tasks):
        r = await aw
        print(r, asyncio.get_running_loop().time())

asyncio.run(main())
