# Uncaught TaskGroup failure with two sub-exceptions.
import asyncio

async def fail(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, ValueError("first")))
        tg.create_task(fail(1, KeyError("second")))

asyncio.run(main())
