# Task.result()/exception() on pending, finished, failed and cancelled tasks.
import asyncio

async def ok():
    return "fine"

async def bad():
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(ok())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("pending:", e)
    await t
    print(t.result(), t.exception(), t.done())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print(repr(b.exception()))
    try:
        b.result()
    except KeyError as e:
        print("result raised", repr(e))
    c = asyncio.create_task(ok()); c.cancel()
    await asyncio.sleep(0)
    print(c.cancelled(), c.done())
    try:
        c.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError")

asyncio.run(main())
