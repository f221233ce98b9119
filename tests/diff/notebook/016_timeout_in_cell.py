# notebook: asyncio.timeout at top level, a TimeoutError traceback, then a caught one
import asyncio

# %%
async with asyncio.timeout(1):
    await asyncio.sleep(5)

# %%
try:
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(5)
except TimeoutError:
    print("timed out, expired:", cm.expired())
asyncio.get_running_loop().time()

# %%
await asyncio.wait_for(asyncio.sleep(3), timeout=1)
