# wait_for(sleep(1), timeout=1): the timeout's timer was pushed first, so it wins (§1.3).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        r = await asyncio.wait_for(asyncio.sleep(1, result="slept"), timeout=1)
        print("result", r)
    except TimeoutError as e:
        print("TimeoutError", repr(e), loop.time())
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
        print("no timeout")
    except TimeoutError:
        print("timeout block expired at", loop.time())

asyncio.run(main())
