# A task cancelled before its first step: its frame shows the def line; wait_for(coro, 0) never starts it.
import asyncio
import functools

def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        return await fn(*args)
    return wrapper

@logged
async def decorated(n):
    await asyncio.sleep(n)

async def work(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        print("never printed: the body did not start")
        raise

async def main():
    t = asyncio.create_task(work(1))
    t.cancel("before start")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), t)
    d = asyncio.create_task(decorated(1))
    await asyncio.sleep(0)
    d.cancel()
    await asyncio.gather(d, return_exceptions=True)
    print(d)
    print(work.__code__.co_firstlineno, decorated.__wrapped__.__code__.co_firstlineno)
    await asyncio.wait_for(work(1), 0)

asyncio.run(main())
