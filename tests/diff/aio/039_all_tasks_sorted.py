# all_tasks() is a set: print it sorted by name.
import asyncio

async def napper(d):
    await asyncio.sleep(d)

async def main():
    tasks = [asyncio.create_task(napper(d), name=f"nap-{d}") for d in (3, 1, 2)]
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
