# notebook: task names keep counting across cells (the notebook itself is Task-1)
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

# %%
print(asyncio.current_task().get_name())
a = asyncio.create_task(job(1))
b = asyncio.create_task(job(2))
print(a.get_name(), b.get_name())

# %%
c = asyncio.create_task(job(1), name="custom")
d = asyncio.ensure_future(job(1))
print(c.get_name(), d.get_name())

# %%
await asyncio.gather(a, b, c, d)

# %%
await asyncio.gather(job(0), job(0))
e = asyncio.create_task(job(0))
e.get_name()
