# set_exception with a class, StopIteration conversion, task set_result errors.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError)
    print(repr(f.exception()))
    g = loop.create_future()
    g.set_exception(StopIteration())
    print(repr(g.exception()))
    t = asyncio.create_task(asyncio.sleep(0))
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        print("RuntimeError:", e)
    await t

asyncio.run(main())
