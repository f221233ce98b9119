# wait_for(coro) runs the coroutine inline in the caller's task (3.12+).
import asyncio

async def work():
    print("work starts in", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    return 7

async def other():
    print("other runs")

async def main():
    asyncio.create_task(other())
    print(await asyncio.wait_for(work(), timeout=5))
    await asyncio.sleep(0)

asyncio.run(main())
