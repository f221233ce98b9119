# asyncio.wait argument errors.
import asyncio

async def c():
    return 1

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(c())
    try:
        await asyncio.wait([t], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print("TypeError:", e)
    done, pending = await asyncio.wait([t])
    print(len(done), len(pending))

asyncio.run(main())
