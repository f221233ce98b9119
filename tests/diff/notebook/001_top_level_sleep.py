# notebook: top-level await of asyncio.sleep, the clock and Out[N] lines
import asyncio
import time

# %%
print("start", time.monotonic())
await asyncio.sleep(1.5)
print("after sleep", time.monotonic())

# %%
await asyncio.sleep(0.5, result="done")

# %%
x = 21
x * 2

# %%
time.monotonic()
