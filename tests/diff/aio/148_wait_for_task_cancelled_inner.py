# wait_for on a task: the timeout cancels the task.
import asyncio

async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 1)
    except TimeoutError:
        print("timeout; task cancelled:", t.cancelled())

asyncio.run(main())
