# current_task inside tasks and inside plain callbacks.
import asyncio

def plain_cb():
    print("in callback, current task:", asyncio.current_task())

async def named():
    print("in task:", asyncio.current_task().get_name())

async def main():
    loop = asyncio.get_running_loop()
    print("main is", asyncio.current_task().get_name())
    loop.call_soon(plain_cb)
    await asyncio.create_task(named(), name="worker-x")
    await asyncio.sleep(0)
    print(asyncio.current_task() is asyncio.current_task())

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
