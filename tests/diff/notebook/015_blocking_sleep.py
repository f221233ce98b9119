# notebook: time.sleep in a cell blocks the loop; background timers fire late
import asyncio
import time

async def beat():
    for i in range(3):
        await asyncio.sleep(1)
        print("beat", i, time.monotonic())

# %%
b = asyncio.create_task(beat())

# %%
time.sleep(2.5)
print("blocked until", time.monotonic())

# %%
await b
time.monotonic()
