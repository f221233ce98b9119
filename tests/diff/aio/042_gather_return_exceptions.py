# gather(return_exceptions=True) puts exceptions in the result list.
import asyncio

async def ok(x):
    await asyncio.sleep(x)
    return x

async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def main():
    results = await asyncio.gather(ok(1), fail("first", 0.5), ok(2), fail("second", 1.5), return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    print("at", asyncio.get_running_loop().time())

asyncio.run(main())
