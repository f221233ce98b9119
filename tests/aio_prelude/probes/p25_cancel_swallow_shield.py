# A task that swallows its cancellation; wait_for over it; shield whose inner task fails later.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("swallowed at", asyncio.get_running_loop().time())
    return "kept going"

async def fails_later():
    await asyncio.sleep(2)
    raise ValueError("inner failed")

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling())
    print(await asyncio.wait_for(stubborn(), timeout=1))
    inner = asyncio.create_task(fails_later())
    outer = asyncio.shield(inner)
    waiter = asyncio.create_task(asyncio.wait_for(outer, 1))
    try:
        await waiter
    except TimeoutError:
        print("shielded wait timed out", inner.done())
    await asyncio.sleep(1.5)
    print("inner", inner.done(), repr(inner.exception()))
    async def catcher():
        try:
            await asyncio.sleep(10)
        finally:
            raise KeyError("from finally")
    c = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except KeyError as e:
        print("KeyError", e, type(e.__context__).__name__)

asyncio.run(main())
