# Cancellation with cleanup in finally, including awaiting during cleanup.
import asyncio

async def download(name):
    loop = asyncio.get_running_loop()
    print(f"{loop.time()} {name}: started")
    try:
        await asyncio.sleep(5)
        print("never")
    except asyncio.CancelledError:
        print(f"{loop.time()} {name}: cancelled, removing partial file")
        raise
    finally:
        await asyncio.sleep(0.25)
        print(f"{loop.time()} {name}: finally done")

async def main():
    t = asyncio.create_task(download("big.iso"))
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time()} main: download cancelled={t.cancelled()}")

asyncio.run(main())
