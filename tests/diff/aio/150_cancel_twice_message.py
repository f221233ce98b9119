# Cancelling twice: messages and the cancelling() count.
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("first cancel msg:", e.args)
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError as e2:
            print("second cancel msg:", e2.args, asyncio.current_task().cancelling())
            raise

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel("one")
    await asyncio.sleep(1)
    t.cancel("two")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main:", repr(e), t.cancelling())
    print(t.cancel(), t.cancelled())

asyncio.run(main())
