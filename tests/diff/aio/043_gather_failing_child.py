# Without return_exceptions, the first failure propagates; siblings keep running.
import asyncio

async def slow(name, d):
    await asyncio.sleep(d)
    print(name, "finished at", asyncio.get_running_loop().time())
    return name

async def broken():
    await asyncio.sleep(1)
    raise RuntimeError("child broke")

async def main():
    g = asyncio.gather(slow("s1", 2), broken(), slow("s2", 3))
    try:
        await g
    except RuntimeError as e:
        print("gather raised", repr(e), "at", asyncio.get_running_loop().time())
    await asyncio.sleep(5)
    print("main done", g.done())

asyncio.run(main())
