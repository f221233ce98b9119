# notebook: gather and wait_for at top level, results shown as Out
import asyncio

async def work(name, delay):
    print(f"{name} starts at {asyncio.get_running_loop().time()}")
    await asyncio.sleep(delay)
    print(f"{name} ends at {asyncio.get_running_loop().time()}")
    return name.upper()

# %%
await asyncio.gather(work("a", 2), work("b", 1), work("c", 3))

# %%
results = await asyncio.gather(work("x", 1), asyncio.sleep(1, result=7))
print(results)

# %%
await asyncio.wait_for(work("w", 1), timeout=5)
