# ensure_future with coroutines, tasks, futures and bad values.
import asyncio

async def coro():
    return "c"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, t.get_name())
    print(asyncio.ensure_future(t) is t)
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    f.set_result("f")
    print(await t, await f)
    try:
        asyncio.ensure_future(1)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
