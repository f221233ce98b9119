# Cancelling a gather from outside, and its return_exceptions results.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    g = asyncio.gather(child(5), child(10), return_exceptions=True)
    await asyncio.sleep(1)
    print(g.cancel("msg!"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e), g.cancelled())
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(3))
    await asyncio.sleep(0)
    t2.cancel("bye")
    print(await asyncio.gather(t1, t2, return_exceptions=True))
    print(await asyncio.gather())
    try:
        await asyncio.gather([1])
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
