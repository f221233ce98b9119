# notebook: a background task waits on an Event that a later cell sets
import asyncio

ready = asyncio.Event()

async def waiter(name):
    print(name, "waits")
    await ready.wait()
    print(name, "woke at", asyncio.get_running_loop().time())
    return name

w1 = asyncio.create_task(waiter("first"))
w2 = asyncio.create_task(waiter("second"))

# %%
await asyncio.sleep(1)
print("still waiting:", w1.done(), w2.done())

# %%
ready.set()
print("set, done yet?", w1.done())

# %%
w1.done(), w2.result()
