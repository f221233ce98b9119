# An uncaught error whose context is a CancelledError: the chained traceback text.
import asyncio

async def cleanup_fails():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")

async def main():
    t = asyncio.create_task(cleanup_fails())
    await asyncio.sleep(1)
    t.cancel()
    await t

asyncio.run(main())
