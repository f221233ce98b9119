# A task that cancels itself and then returns still ends cancelled.
import asyncio

async def selfish():
    asyncio.current_task().cancel("self")
    return "value"

async def swallower():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("swallower caught it")
    return "normal return"

async def main():
    t = asyncio.create_task(selfish())
    try:
        await t
    except asyncio.CancelledError as e:
        print("selfish cancelled:", repr(e), t.cancelled())
    s = asyncio.create_task(swallower())
    await asyncio.sleep(1)
    s.cancel()
    print(await s, s.cancelled(), s.cancelling())

asyncio.run(main())
