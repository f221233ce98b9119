# Event: set wakes every waiter in FIFO order; wait returns True.
import asyncio

async def waiter(ev, n):
    print("waiter", n, "waiting")
    r = await ev.wait()
    print("waiter", n, "woke with", r, "at", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in range(3)]
    await asyncio.sleep(1)
    print("setting; is_set =", ev.is_set())
    ev.set()
    ev.clear()
    print("cleared right away; is_set =", ev.is_set())
    await asyncio.gather(*tasks)
    ev.set()
    print("already set:", await ev.wait())

asyncio.run(main())
