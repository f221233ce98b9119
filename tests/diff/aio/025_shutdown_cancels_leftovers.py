# Leftover tasks sitting in the ready queue are cancelled in queue order at shutdown.
import asyncio

async def loop_forever(name):
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled after", n, "steps")
        raise
    finally:
        print(name, "finally")

async def main():
    for name in ("a", "b", "c"):
        asyncio.create_task(loop_forever(name))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("after run")
