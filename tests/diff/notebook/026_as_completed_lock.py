# notebook: as_completed and a Lock shared by tasks of different cells
import asyncio

lock = asyncio.Lock()

async def guarded(name, hold):
    async with lock:
        print(name, "holds the lock at", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
    return name

# %%
first = asyncio.create_task(guarded("first", 2))

# %%
second = asyncio.create_task(guarded("second", 1))
print("locked:", lock.locked())

# %%
for fut in asyncio.as_completed([first, second]):
    print("completed:", await fut)

# %%
lock.locked(), asyncio.get_running_loop().time()
