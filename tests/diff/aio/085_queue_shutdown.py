# 3.13 Queue.shutdown: puts fail, gets drain then fail, waiters are woken.
import asyncio

async def getter(q, name):
    try:
        while True:
            item = await q.get()
            print(name, "got", item)
    except asyncio.QueueShutDown:
        print(name, "saw shutdown at", asyncio.get_running_loop().time())

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(getter(q, "g"))
    await q.put(1); await q.put(2)
    await asyncio.sleep(1)
    q.put_nowait(3)
    q.shutdown()
    try:
        q.put_nowait(4)
    except asyncio.QueueShutDown as e:
        print("put after shutdown:", repr(e))
    await t
    q2 = asyncio.Queue()
    for i in range(3):
        q2.put_nowait(i)
    q2.shutdown(immediate=True)
    print("after immediate shutdown size", q2.qsize())
    try:
        q2.get_nowait()
    except asyncio.QueueShutDown:
        print("get fails")

asyncio.run(main())
