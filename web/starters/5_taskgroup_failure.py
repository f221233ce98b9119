# In a TaskGroup one failing task cancels its siblings, and the error arrives as an ExceptionGroup.
import asyncio
import time

FAIL_AFTER = 1.5  # param: 0.5..4 step 0.5


async def fetch(site, delay):
    await asyncio.sleep(delay)
    print(f"t={time.monotonic():.1f} {site} done")


async def broken():
    await asyncio.sleep(FAIL_AFTER)
    raise ConnectionError("broken.com refused the connection")


async def main():
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            for site, delay in [("a.com", 1.0), ("b.com", 2.0), ("c.com", 3.0)]:
                tasks.append(tg.create_task(fetch(site, delay), name=site))
            tasks.append(tg.create_task(broken(), name="broken.com"))
    except* ConnectionError as group:
        print(f"t={time.monotonic():.1f} the group failed: {group.exceptions[0]!r}")
    # (the siblings are cancelled in an order CPython leaves to its set of tasks: list them sorted)
    print("cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()))


asyncio.run(main())
