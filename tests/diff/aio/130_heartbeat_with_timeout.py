# A heartbeat task, and a watchdog that cancels work that runs too long.
import asyncio

async def heartbeat(stop):
    n = 0
    while not stop.is_set():
        print("beat", n, asyncio.get_running_loop().time())
        n += 1
        try:
            await asyncio.wait_for(stop.wait(), timeout=1)
        except TimeoutError:
            pass

async def long_job():
    await asyncio.sleep(10)

async def main():
    stop = asyncio.Event()
    hb = asyncio.create_task(heartbeat(stop))
    try:
        await asyncio.wait_for(long_job(), timeout=3.5)
    except TimeoutError:
        print("job took too long")
    stop.set()
    await hb
    print("end", asyncio.get_running_loop().time())

asyncio.run(main())
