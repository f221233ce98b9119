# An uncaught TaskGroup failure: exception-group traceback, exit status 1.
import asyncio

async def worker(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError(f"worker {n} failed")
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker(1))
        tg.create_task(worker(2))
    print("never")

asyncio.run(main())
