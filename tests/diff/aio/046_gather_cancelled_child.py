# A cancelled child with return_exceptions contributes a CancelledError.
import asyncio

async def victim():
    await asyncio.sleep(5)

async def fine():
    await asyncio.sleep(2)
    return "fine"

async def main():
    v = asyncio.create_task(victim())
    asyncio.get_running_loop().call_later(1, v.cancel, "stop it")
    r = await asyncio.gather(v, fine(), return_exceptions=True)
    print([repr(x) for x in r])
    v2 = asyncio.create_task(victim())
    asyncio.get_running_loop().call_later(1, v2.cancel)
    try:
        await asyncio.gather(v2, fine())
    except asyncio.CancelledError as e:
        print("plain gather got", repr(e))

asyncio.run(main())
