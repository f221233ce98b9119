# A bounded queue blocks the producer; put_nowait raises QueueFull.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    await q.put("a"); await q.put("b")
    print(q.full(), q.qsize(), q.maxsize)
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    async def slow_get():
        await asyncio.sleep(1)
        print("got", q.get_nowait())
    asyncio.create_task(slow_get())
    await q.put("c")
    print("put c at", asyncio.get_running_loop().time())
    print([q.get_nowait() for _ in range(q.qsize())])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))

asyncio.run(main())
