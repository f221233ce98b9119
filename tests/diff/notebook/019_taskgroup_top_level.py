# notebook: a TaskGroup at top level, its ExceptionGroup traceback, then a cell that works
import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n, "at", asyncio.get_running_loop().time())
    return n

async def bad(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")

# %%
async with asyncio.TaskGroup() as tg:
    a = tg.create_task(ok(1))
    b = tg.create_task(ok(2))
a.result() + b.result()

# %%
async with asyncio.TaskGroup() as tg:
    tg.create_task(ok(1))
    tg.create_task(bad(1.5))
    tg.create_task(ok(3))

# %%
try:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
except* ValueError as eg:
    print("caught", [str(e) for e in eg.exceptions])
asyncio.get_running_loop().time()
