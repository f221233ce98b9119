# Nested timeouts: only the one whose deadline fired converts the cancellation.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(2):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("inner timeout (wrong)")
    except TimeoutError:
        print("outer timeout at", loop.time())
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("inner timeout at", loop.time())
            await asyncio.sleep(1)
            print("outer body continues at", loop.time())
    except TimeoutError:
        print("outer (wrong)")

asyncio.run(main())
