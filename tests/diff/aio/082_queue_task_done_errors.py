# task_done too many times; join returns at once when nothing is unfinished.
import asyncio

async def main():
    q = asyncio.Queue()
    await q.join()
    print("join returned immediately")
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print(q.empty(), str(q))

asyncio.run(main())
