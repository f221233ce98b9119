# Cleanup code during shutdown may sleep: the clock keeps running.
import asyncio

async def worker():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(100)
    finally:
        print("cleanup starts", loop.time())
        await asyncio.sleep(2)
        print("cleanup ends", loop.time())

async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("main done", asyncio.get_running_loop().time())

asyncio.run(main())
print("run returned")
