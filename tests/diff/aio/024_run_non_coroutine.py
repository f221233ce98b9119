# asyncio.run with something that is not a coroutine.
import asyncio

async def main():
    return 1

for bad in (5, None, "text"):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("ValueError:", e)
print(asyncio.run(main()))
