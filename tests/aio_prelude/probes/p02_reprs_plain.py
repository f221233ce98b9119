# Reprs without debug mode: futures with callbacks, gathering futures, timer handles, timeouts, queues.
import asyncio

def mycb(f):
    pass

async def sl(d):
    await asyncio.sleep(d)
    return d

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: None)
    fut.add_done_callback(mycb)
    fut.add_done_callback(print)
    fut.add_done_callback(mycb)
    print(fut)
    fut.set_result([1, 2, 3, 4, 5, 6, 7, 8])
    print(fut)
    g = asyncio.gather(sl(0.5), sl(0.25))
    print(g)
    await asyncio.sleep(0)
    print(loop._scheduled[0])
    print(await g, g)
    t = asyncio.create_task(sl(3), name="sleepy")
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    print(t)
    await asyncio.sleep(0)
    print(t)
    h = loop.call_later(5, mycb, 1)
    print(h)
    h.cancel()
    print(h)
    async with asyncio.timeout(4) as cm:
        print(cm, cm.expired(), cm.when())
    print(cm)
    q = asyncio.Queue()
    q.put_nowait(1)
    print(str(q))
    pq = asyncio.PriorityQueue()
    for i in (3, 1, 2):
        pq.put_nowait(i)
    print(str(pq), pq.get_nowait())
    print(loop)
    e = asyncio.Event()
    print(repr(e).split("[")[1])
    long = asyncio.create_task(sl("x" * 100 if False else 0))
    await long
    print(long)
    f2 = loop.create_future()
    f2.set_result("a very long string result that goes on and on")
    print(f2)
    f3 = loop.create_future()
    f3.set_exception(KeyError("k"))
    print(f3, f3.exception())

asyncio.run(main())
