# An Event used as a start signal for several workers.
import asyncio

async def runner(name, start, d):
    await start.wait()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(d)
    print(f"{name} ran from {t0} to {loop.time()}")
    return name

async def main():
    start = asyncio.Event()
    tasks = [asyncio.create_task(runner(n, start, d)) for n, d in (("x", 2), ("y", 1), ("z", 3))]
    await asyncio.sleep(5)
    print("go!")
    start.set()
    print(await asyncio.gather(*tasks))

asyncio.run(main())
