# A never-awaited coroutine held in a variable warns when the variable is rebound.
import asyncio

async def job():
    return 1

async def main():
    c = job()
    print("created")
    c = None
    print("dropped")
    asyncio.sleep(1)
    print("sleep coroutine dropped")

asyncio.run(main())
