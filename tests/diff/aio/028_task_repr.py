# Task reprs in several states (the program path is normalised by the harness).
import asyncio

async def sleeper():
    await asyncio.sleep(1)
    return 42

async def boom():
    raise ValueError("bad")

async def main():
    t = asyncio.create_task(sleeper(), name="sleepy")
    print(repr(t))
    await asyncio.sleep(0)
    print(repr(t))
    await t
    print(repr(t))
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(repr(b))
    print(repr(b.exception()))
    c = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    c.cancel()
    print(repr(c))
    await asyncio.sleep(0)
    print(repr(c))

asyncio.run(main())
