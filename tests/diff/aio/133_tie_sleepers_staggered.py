# Tasks started at different times that wake at the same deadline.
import asyncio

async def sleeper(name, start, d, log):
    await asyncio.sleep(start)
    await asyncio.sleep(d)
    log.append((name, asyncio.get_running_loop().time()))

async def main():
    log = []
    await asyncio.gather(
        sleeper("a", 0, 3, log), sleeper("b", 1, 2, log), sleeper("c", 2, 1, log),
        sleeper("d", 0.5, 2.5, log), sleeper("e", 0, 3, log))
    print(log)

asyncio.run(main())
