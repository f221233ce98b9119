# Per-item timeouts inside a gather.
import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    return n

async def fetch_or_none(n, limit):
    try:
        async with asyncio.timeout(limit):
            return await fetch(n)
    except TimeoutError:
        return None

async def main():
    print(await asyncio.gather(*(fetch_or_none(n, 2.5) for n in (1, 3, 2, 4))))
    print(asyncio.get_running_loop().time())

asyncio.run(main())
