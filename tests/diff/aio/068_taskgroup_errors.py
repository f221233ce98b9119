# TaskGroup misuse messages.
import asyncio

async def nothing():
    return None

async def main():
    tg = asyncio.TaskGroup()
    c = nothing()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        tg.create_task(nothing())
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
