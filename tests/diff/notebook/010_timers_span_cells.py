# notebook: timers set in one cell fire only while a later cell awaits
import asyncio
import time

loop = asyncio.get_running_loop()
for delay in (1, 2, 3, 4):
    loop.call_later(delay, lambda d=delay: print(f"timer {d} fired at {time.monotonic()}"))
print("timers set at", time.monotonic())

# %%
print("no await here, clock", time.monotonic())

# %%
await asyncio.sleep(2.5)
print("after 2.5 s", time.monotonic())

# %%
loop.call_soon(print, "call_soon runs between cells")
print("end of cell 3")

# %%
await asyncio.sleep(10)
time.monotonic()
