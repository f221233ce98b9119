# An uncaught TimeoutError from asyncio.timeout.
import asyncio

async def main():
    print("start")
    async with asyncio.timeout(1):
        await asyncio.sleep(2)

asyncio.run(main())
