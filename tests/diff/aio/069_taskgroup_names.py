# TaskGroup.create_task(name=...) does not consume a Task-N number (3.13).
import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(who())
        b = tg.create_task(who(), name="named")
        c = tg.create_task(who())
    print(a.result(), b.result(), c.result())
    d = asyncio.create_task(who(), name="also-named")
    e = asyncio.create_task(who())
    print(await d, await e)

asyncio.run(main())
