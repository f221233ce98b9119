# Several waiters on one event with different timeouts.
import asyncio

async def waiter(ev, name, t):
    try:
        await asyncio.wait_for(ev.wait(), t)
        print(name, "saw the event at", asyncio.get_running_loop().time())
    except TimeoutError:
        print(name, "timed out at", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(2.5, ev.set)
    await asyncio.gather(*(waiter(ev, f"w{t}", t) for t in (1, 2, 3, 4)))

asyncio.run(main())
