# "Task was destroyed but it is pending!" at gc.collect(), after the coroutine's finally ran.
import asyncio
import gc

async def forever():
    try:
        await asyncio.sleep(100)
    finally:
        print("forever finally")

loop = asyncio.new_event_loop()
t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(1))
print("loop ran", t.done())
loop.close()
del t
print("collecting")
gc.collect()
print("collected")
