# notebook: a loop is already running in every cell, with or without top-level await
import asyncio

# %%
loop = asyncio.get_running_loop()
print(loop.is_running(), loop.time())
asyncio.current_task().get_name()

# %%
await asyncio.sleep(1)
asyncio.get_running_loop() is loop, loop.time()

# %%
fut = loop.create_future()
loop.call_later(2, fut.set_result, "from call_later")
await fut

# %%
loop.time()
