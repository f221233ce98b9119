# How many loop iterations different awaits take, measured with a sleep(0) ticker.
import asyncio

ticks = 0

async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1

async def leaf():
    return 1

async def nested():
    return await asyncio.create_task(leaf())

async def measure(label, make):
    start = ticks
    await make()
    print(f"{label}: {ticks - start}")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await measure("coroutine", leaf)
    await measure("task", lambda: asyncio.create_task(leaf()))
    await measure("nested tasks", lambda: asyncio.create_task(nested()))
    done = asyncio.create_task(leaf()); await done
    await measure("done task", lambda: done)
    def soon_future():
        f = loop.create_future(); loop.call_soon(f.set_result, 1); return f
    await measure("call_soon future", soon_future)
    await measure("sleep(0)", lambda: asyncio.sleep(0))
    t.cancel()

asyncio.run(main())
