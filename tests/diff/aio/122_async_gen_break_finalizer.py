# Breaking out of async for: the generator is closed later by a loop task.
import asyncio

async def brk():
    try:
        for i in range(10):
            yield i
    except GeneratorExit:
        print("brk caught GeneratorExit")
        raise
    finally:
        print("brk finally; task =", asyncio.current_task().get_name())

async def main():
    async for v in brk():
        if v == 1:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep0")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
