# asyncio.run from inside a running loop raises RuntimeError.
import asyncio

async def inner():
    return 1

async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("main continues")

asyncio.run(main())
