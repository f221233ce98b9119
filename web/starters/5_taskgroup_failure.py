# In a TaskGroup one failing task cancels its siblings, and the error arrives as an ExceptionGroup.
import asyncio
import time

FAIL_AFTER = 1.5  # param: 0.5..4 step 0.5


async def fetch(site, delay):
    try:
        await asyncio.sleep(delay)
        print(f"t={time.monotonic():.1f} {site} done")
    except asyncio.CancelledError:
        print(f"t={time.monotonic():.1f} {site} cancelled")
        raise


async def broken():
    await asyncio.sleep(FAIL_AFTER)
    raise ConnectionError("broken.com refused the connection")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("a.com", 1.0), name="a.com")
            tg.create_task(fetch("b.com", 2.0), name="b.com")
            tg.create_task(fetch("c.com", 3.0), name="c.com")
            tg.create_task(broken(), name="broken.com")
    except* ConnectionError as group:
        print(f"t={time.monotonic():.1f} the group failed: {group.exceptions[0]!r}")


asyncio.run(main())
