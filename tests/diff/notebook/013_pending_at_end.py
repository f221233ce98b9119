# notebook: after the last cell, pending tasks are cancelled as asyncio.run does
import asyncio

async def forever(name):
    try:
        while True:
            await asyncio.sleep(1)
            print(name, "alive at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print(name, "cleans up")

async def quiet():
    await asyncio.sleep(100)

# %%
t1 = asyncio.create_task(forever("one"))
t2 = asyncio.create_task(quiet())

# %%
await asyncio.sleep(2.5)
print("last cell", t1.done(), t2.done())
