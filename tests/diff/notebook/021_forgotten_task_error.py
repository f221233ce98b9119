# notebook: a failing task nobody keeps is reported when it is destroyed
import asyncio

async def boom():
    await asyncio.sleep(1)
    raise ValueError("lost error")

# %%
asyncio.create_task(boom())
print("task started")

# %%
await asyncio.sleep(2)
print("after the failure")

# %%
t = asyncio.create_task(boom())
await asyncio.sleep(2)
print(t.done())
del t
print("after del")
