# Tasks with staggered starts log their progress with timestamps.
import asyncio

async def runner(name, delay, steps):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    for s in range(steps):
        print(f"{loop.time():4.1f} {name} step {s}")
        await asyncio.sleep(1)
    return f"{name} finished"

async def main():
    print(await asyncio.gather(runner("A", 0, 3), runner("B", 0.5, 2), runner("C", 1.5, 1)))

asyncio.run(main())
