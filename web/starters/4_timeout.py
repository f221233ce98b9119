# A timeout gives up on a slow fetch: the waiting task is cancelled, then sees TimeoutError.
import asyncio
import time

LIMIT = 2.0  # param: 0.5..5 step 0.5


async def fetch(site, delay):
    try:
        await asyncio.sleep(delay)
        return f"<page of {site}>"
    except asyncio.CancelledError:
        print(f"t={time.monotonic():.1f} {site} was cancelled")
        raise


async def main():
    for site, delay in [("fast.com", 1.0), ("slow.com", 4.0)]:
        task = asyncio.create_task(fetch(site, delay), name=site)
        try:
            async with asyncio.timeout(LIMIT):
                page = await task
            print(f"t={time.monotonic():.1f} got {page}")
        except TimeoutError:
            print(f"t={time.monotonic():.1f} {site} took longer than {LIMIT} s")


asyncio.run(main())
