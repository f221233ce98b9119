# notebook: a coroutine never awaited in a cell warns as in CPython
import asyncio

async def work():
    await asyncio.sleep(1)
    print("work done")

# %%
work()
print("after forgetting to await")

# %%
c = work()
del c
print("deleted")

# %%
await work()
