# sleep(nan) raises ValueError in 3.13.
import asyncio

async def main():
    try:
        await asyncio.sleep(float("nan"))
    except ValueError as e:
        print("ValueError:", e)
    await asyncio.sleep(float("inf")) if False else None
    print("t", asyncio.get_running_loop().time())

asyncio.run(main())
