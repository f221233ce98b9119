# asynccontextmanager protocol errors.
import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def no_yield():
    if False:
        yield

@asynccontextmanager
async def two_yields():
    yield 1
    yield 2

async def main():
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with two_yields() as v:
            print("got", v)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
