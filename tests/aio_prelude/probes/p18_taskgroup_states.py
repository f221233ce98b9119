# TaskGroup reprs and create_task errors; timeouts errors; wait/as_completed argument errors.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n

async def main():
    tg = asyncio.TaskGroup()
    print(tg)
    try:
        tg.create_task(work(1))
    except RuntimeError as e:
        print(e)
    async with tg:
        tg.create_task(work(1))
        print(tg)
    print(tg)
    try:
        tg.create_task(work(1))
    except RuntimeError as e:
        print(e)
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(e)
    t = asyncio.timeout(1)
    try:
        t.reschedule(3)
    except RuntimeError as e:
        print(e)
    async with t:
        pass
    try:
        t.reschedule(3)
    except RuntimeError as e:
        print(e)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print(e)
    task = asyncio.create_task(work(1))
    try:
        asyncio.as_completed(task)
    except TypeError as e:
        print(e)
    for bad in (task, [], [work(0)]):
        try:
            await asyncio.wait(bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait([task], return_when="SOMETIMES")
    except ValueError as e:
        print(e)
    await task

asyncio.run(main())
