# as_completed with a timeout raises TimeoutError for the rest.
import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(work(d)) for d in (1, 5, 2, 8)]
    got = []
    try:
        for aw in asyncio.as_completed(tasks, timeout=3):
            got.append(await aw)
            print("got", got[-1])
    except TimeoutError:
        print("timeout after", got, "at", asyncio.get_running_loop().time())
    for t in tasks:
        t.cancel()
    try:
        asyncio.as_completed(tasks[0])
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
