# "coroutine ... was never awaited" at the moment the coroutine is freed.
import asyncio

async def work():
    await asyncio.sleep(1)

async def main():
    print("before")
    work()
    print("after the forgotten call")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
