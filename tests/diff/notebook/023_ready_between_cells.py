# notebook: between cells the loop runs every ready step and due callback, but no later timer
import asyncio
import time

async def chain(name, steps):
    for i in range(steps):
        print(name, "step", i, "at", time.monotonic())
        await asyncio.sleep(0)
    await asyncio.sleep(0.5)
    print(name, "woke at", time.monotonic())

# %%
asyncio.create_task(chain("a", 3))
asyncio.create_task(chain("b", 2))
loop = asyncio.get_running_loop()
loop.call_later(0, print, "call_later(0) is due now")
loop.call_later(0.1, print, "call_later(0.1) waits for an await")
print("cell 1 ends")

# %%
print("cell 2 starts at", time.monotonic())

# %%
await asyncio.sleep(1)
time.monotonic()
