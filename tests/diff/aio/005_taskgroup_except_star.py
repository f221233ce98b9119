# ASYNCIO-SEMANTICS.md §6: a TaskGroup with one failing child, caught with except*.
import asyncio

async def job(n, d, fail=False):
    try:
        await asyncio.sleep(d)
        if fail: raise ValueError(f"job {n} failed")
        print(f"job {n} ok")
    finally:
        print(f"job {n} finally at {asyncio.get_running_loop().time()}")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1, 3)); tg.create_task(job(2, 1, fail=True))
            print("body waiting"); await asyncio.sleep(5); print("never printed")
    except* ValueError as eg:
        print("caught:", eg); print(repr(eg.exceptions))

asyncio.run(main())
