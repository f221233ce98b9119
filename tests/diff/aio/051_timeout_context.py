# asyncio.timeout: expiry, when(), expired(), repr.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2) as cm:
            print(repr(cm), cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        print("expired at", loop.time(), cm.expired(), repr(cm))
    async with asyncio.timeout(3) as cm2:
        await asyncio.sleep(1)
    print("finished in time", cm2.expired(), repr(cm2))
    async with asyncio.timeout(None) as cm3:
        await asyncio.sleep(1)
        print("no deadline", cm3.when(), repr(cm3))

asyncio.run(main())
