# Explicit aclose runs finally at once; closing in a finally with contextlib.aclosing.
import asyncio
from contextlib import aclosing

async def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
            await asyncio.sleep(0.5)
    finally:
        print("numbers closed at", asyncio.get_running_loop().time())

async def main():
    g = numbers()
    print(await anext(g), await anext(g))
    await g.aclose()
    async with aclosing(numbers()) as g2:
        async for n in g2:
            if n == 3:
                break
    print("done", asyncio.get_running_loop().time())

asyncio.run(main())
