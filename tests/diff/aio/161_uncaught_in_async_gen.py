# An exception raised inside an async generator during async for.
import asyncio

async def numbers():
    for i in range(5):
        await asyncio.sleep(0.1)
        yield 10 // (2 - i)

async def main():
    async for n in numbers():
        print(n)

asyncio.run(main())
