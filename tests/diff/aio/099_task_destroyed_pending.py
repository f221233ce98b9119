# "Task was destroyed but it is pending!" when a loop is closed with tasks still sleeping.
import asyncio
import gc

async def forever():
    try:
        await asyncio.sleep(100)
    finally:
        print("forever finally")

async def short():
    asyncio.create_task(forever())
    await asyncio.sleep(1)
    return "short done"

loop = asyncio.new_event_loop()
print(loop.run_until_complete(short()))
loop.close()
gc.collect()
print("after gc")
