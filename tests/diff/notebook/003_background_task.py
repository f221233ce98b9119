# notebook: a task created without awaiting keeps running across cells
import asyncio
import time

async def ticker(n):
    for i in range(n):
        print(f"tick {i} at {time.monotonic()}")
        await asyncio.sleep(1)
    return "ticker finished"

# %%
t = asyncio.create_task(ticker(5))
print("created", t.get_name(), t.done())

# %%
# between cells the task took its first step; the clock did not move
print("cell 2 at", time.monotonic(), t.done())

# %%
await asyncio.sleep(2.5)
print("cell 3 at", time.monotonic())

# %%
await t

# %%
t.done(), t.result()
