# Awaiting oneself, bad yields, a coroutine awaited by two tasks.
import asyncio

class BadYield:
    def __await__(self):
        yield 1

async def selfish():
    await asyncio.current_task()

async def inner():
    await asyncio.sleep(1)
    return "inner"

async def main():
    for coro in (selfish(), BadYield().__await__ and main_bad()):
        try:
            await asyncio.create_task(coro)
        except RuntimeError as e:
            print("RuntimeError:", str(e).split(":")[0])
    c = inner()
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await t)
    try:
        await t.get_coro()
    except RuntimeError as e:
        print("RuntimeError:", e)

async def main_bad():
    await BadYield()

asyncio.run(main())
