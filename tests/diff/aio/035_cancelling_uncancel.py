# cancelling() counts requests; uncancel() decrements.
import asyncio

async def stubborn():
    for i in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            t = asyncio.current_task()
            print("swallowed cancel", i, "cancelling =", t.cancelling())
    return "survived"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    t.cancel(); t.cancel()
    print("after two cancels:", t.cancelling())
    await asyncio.sleep(1)
    print(t.uncancel(), t.uncancel(), t.uncancel())
    print(await t, t.cancelled(), t.cancelling())

asyncio.run(main())
