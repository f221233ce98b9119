# notebook: a consumer started in one cell, fed from later cells through a Queue
import asyncio

q = asyncio.Queue()

async def consumer():
    while True:
        item = await q.get()
        print("consumed", item, "at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        q.task_done()

c = asyncio.create_task(consumer())

# %%
for i in range(3):
    q.put_nowait(i)
print("queued", q.qsize())

# %%
await q.join()
print("all done at", asyncio.get_running_loop().time())

# %%
q.put_nowait("late")
q.qsize()

# %%
await q.join()
c.cancel()
