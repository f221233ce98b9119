# Task names: default numbering, name=, set_name, get_name.
import asyncio

async def work():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    t1 = asyncio.create_task(work())
    t2 = asyncio.create_task(work(), name="custom")
    t3 = asyncio.create_task(work())
    t3.set_name(123)
    print(t1.get_name(), t2.get_name(), repr(t3.get_name()))
    print(await t1, await t2, await t3)
    t4 = asyncio.create_task(work())
    print(t4.get_name(), await t4)

asyncio.run(main())
