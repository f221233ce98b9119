# Timeout states through expiry; nested timeouts; a past deadline still runs the body to its first await.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    print(cm)
    try:
        async with cm:
            print(cm)
            await asyncio.sleep(2)
    except TimeoutError as e:
        print("timeout", repr(e), cm, cm.expired(), loop.time())
    try:
        async with asyncio.timeout(-1):
            print("body runs first")
            await asyncio.sleep(0)
            print("never")
    except TimeoutError:
        print("past deadline at", loop.time())
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(2) as inner:
                await asyncio.sleep(3)
    except TimeoutError:
        print("outer fired", inner.expired(), loop.time())
    async with asyncio.timeout(None) as t:
        print(t, t.when())
        t.reschedule(loop.time() + 0.5)
        print(t)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise
    print("unreachable")

try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError escaped")
