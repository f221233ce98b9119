# "Future exception was never retrieved" when a failed future is dropped.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(KeyError("never read"))
    print("dropping future")
    del f
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
