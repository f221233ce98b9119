# An expired timeout whose body raises something else (3.13 splices TimeoutError into the context).
import asyncio

async def main():
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(2)
            except asyncio.CancelledError:
                raise ValueError("cleanup failed")
    except ValueError as e:
        print("ValueError", e, "| context:", type(e.__context__).__name__)
        print("context of context:", type(e.__context__.__context__).__name__)

asyncio.run(main())
