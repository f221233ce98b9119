# A gather child's error shows the child's frames under main's await.
import asyncio

async def ok():
    await asyncio.sleep(1)
    return 1

async def bad(n):
    await asyncio.sleep(0.5)
    return 10 / n

async def main():
    print(await asyncio.gather(ok(), bad(2)))
    print(await asyncio.gather(ok(), bad(0)))

asyncio.run(main())
