# get_running_loop inside and outside a loop.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)

async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running(), loop.is_closed())
    print(loop.get_debug(), loop.time())
    return loop

loop = asyncio.run(main())
print(loop.is_running(), loop.is_closed())
