# ASYNCIO-SEMANTICS.md §5: cancelling a sleeping worker with a message.
import asyncio

async def worker():
    loop = asyncio.get_running_loop()
    try:
        print(f"{loop.time()} worker sleeping"); await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"{loop.time()} worker cancelled {e.args}"); raise
    finally:
        print(f"{loop.time()} worker finally")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker()); await asyncio.sleep(1.5)
    print(t.cancel("enough"), t.cancelling(), t.done())
    try: await t
    except asyncio.CancelledError as e: print(f"{loop.time()} main saw {e!r}; cancelled={t.cancelled()}")

asyncio.run(main())
