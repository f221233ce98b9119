# Nested TaskGroups: an inner failure propagates through the outer group.
import asyncio

async def leaf(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("leaf 2")
    return n

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(2))
    return "unreachable"

async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
    except ExceptionGroup as eg:
        print(repr(eg))
        print(eg.exceptions[0].exceptions)
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(leaf(1))
    print("second group ok", t.result())

asyncio.run(main())
