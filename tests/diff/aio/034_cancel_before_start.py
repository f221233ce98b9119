# A task cancelled before its first step never runs its body.
import asyncio

async def body():
    print("body started")
    try:
        await asyncio.sleep(1)
    finally:
        print("body finally")

async def main():
    t = asyncio.create_task(body())
    print(t.cancel("early"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", repr(e), t.cancelled())

asyncio.run(main())
