# asyncio.wait with FIRST_COMPLETED and FIRST_EXCEPTION.
import asyncio

async def work(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(f"fail {d}")
    return d

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(d)) for d in (3, 1, 2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", [t.result() for t in done], len(pending), loop.time())
    ts2 = [asyncio.create_task(work(d, fail=(d == 2))) for d in (4, 2, 1)]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", sorted(repr(t.exception()) for t in done), len(pending), loop.time())
    await asyncio.wait(pending | set(pending))
    print("all done at", loop.time())
    await asyncio.wait(ts)

asyncio.run(main())
