# ASYNCIO-SEMANTICS.md §14: sleep(0) round-robin with gather.
import asyncio

async def step(name, n):
    for i in range(n):
        print(name, i); await asyncio.sleep(0)
    return name

async def main():
    t = asyncio.create_task(step("T", 2))
    print("main before gather")
    print(await asyncio.gather(step("A", 2), step("B", 1)))
    print("t done?", t.done())

asyncio.run(main())
