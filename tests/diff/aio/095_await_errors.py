# Await errors: reusing a coroutine, awaiting non-awaitables.
import asyncio

async def work():
    return 1

async def main():
    c = work()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    for bad in ("str", None, [1], work):
        try:
            await bad
        except TypeError as e:
            print("TypeError:", e)

asyncio.run(main())
