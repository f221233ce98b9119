# A pending task that only a reference cycle keeps alive: gc.collect() closes its coroutine and logs "Task was destroyed but it is pending!".
import asyncio
import gc

async def stuck(fut):
    try:
        await fut
    finally:
        print("stuck finally")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(stuck(fut), name="orphan")
    await asyncio.sleep(0)
    print(t.get_name(), t.done())
    del t, fut
    gc.collect()
    print("after collect")
    await asyncio.sleep(1)
    print("main done", len(asyncio.all_tasks()))

gc.disable()
asyncio.run(main())
print("end")
