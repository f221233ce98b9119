# Cancelling a gather cancels its children; the outer future holds a CancelledError.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(7.5)
    print("cancel returned", g.cancel("msg!"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", repr(e), g.cancelled())

asyncio.run(main())
