# notebook: async for, async with and async comprehensions at top level
import asyncio
import contextlib

async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.5)
        yield n
        n -= 1

@contextlib.asynccontextmanager
async def opened(name):
    print("open", name, asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    try:
        yield name.upper()
    finally:
        print("close", name, asyncio.get_running_loop().time())

# %%
async for n in countdown(3):
    print("got", n)

# %%
async with opened("db") as handle:
    print("inside with", handle)

# %%
[n * 10 async for n in countdown(4)]

# %%
async def double(x):
    await asyncio.sleep(0.1)
    return 2 * x

[await double(i) for i in range(3)]
