# notebook: cancelling a background task in a later cell
import asyncio

async def worker():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("worker was cancelled")
        raise

# %%
w = asyncio.create_task(worker())

# %%
w.cancel("enough")
print("cancel requested", w.cancelling())

# %%
print(w.cancelled(), w.done())
await asyncio.sleep(0)
w.cancelled()

# %%
await w
