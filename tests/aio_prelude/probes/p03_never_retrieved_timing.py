# "Task exception was never retrieved" is logged right after the failing step, mid-batch.
import asyncio

async def boom(n):
    print("boom", n)
    raise ValueError(f"kaboom {n}")

async def quiet():
    print("quiet runs")

async def main():
    asyncio.create_task(boom(1))
    asyncio.create_task(quiet())
    asyncio.create_task(boom(2))
    await asyncio.sleep(0)
    print("main after sleep")
    t = asyncio.create_task(boom(3))
    await asyncio.sleep(0)
    print("t held", t.done())
    del t
    print("after del")

asyncio.run(main())
print("after run")
