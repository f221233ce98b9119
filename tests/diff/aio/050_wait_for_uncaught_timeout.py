# An uncaught TimeoutError from wait_for: exit status 1 and a chained traceback.
import asyncio

async def slow():
    await asyncio.sleep(10)

async def main():
    print("waiting")
    await asyncio.wait_for(slow(), timeout=2)

asyncio.run(main())
