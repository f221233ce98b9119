# Debug mode: a task step that blocks for 2 s is reported as "Executing <Task ...> took 2.000 seconds".
import asyncio
import time

async def blocker():
    print("blocker starts")
    time.sleep(2)
    await asyncio.sleep(0)
    print("blocker resumes")
    return "blocked"

async def main():
    loop = asyncio.get_running_loop()
    # Built directly (not via create_task) so that its "created at" points into this file.
    t = asyncio.Task(blocker(), loop=loop, name="blocker")
    r = await t
    print(r, loop.time())

asyncio.run(main(), debug=True)
