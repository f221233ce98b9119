# notebook: a background task fails; a later cell awaits it and sees the exception
import asyncio

async def fragile():
    await asyncio.sleep(1)
    raise KeyError("missing")

# %%
f = asyncio.create_task(fragile())
await asyncio.sleep(2)
print(f.done(), repr(f.exception()))

# %%
await f

# %%
g = asyncio.create_task(fragile())
results = await asyncio.gather(g, asyncio.sleep(1, "ok"), return_exceptions=True)
results
