# wait() with timeout and FIRST_EXCEPTION, queue shutdown(immediate) with join, Condition.wait_for.
import asyncio

async def work(n, fail=False):
    await asyncio.sleep(n)
    if fail:
        raise ValueError(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(i, fail=(i == 2))) for i in (1, 2, 3)]
    done, pending = await asyncio.wait(ts, timeout=1.5)
    print(len(done), len(pending), loop.time())
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), len(pending), loop.time())
    await asyncio.wait(pending)
    print(ts[1].exception(), loop.time())
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    joiner = asyncio.create_task(q.join())
    getter_q = asyncio.Queue()
    g = asyncio.create_task(getter_q.get())
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    getter_q.shutdown()
    await joiner
    print("joined", q.qsize(), str(q))
    try:
        await g
    except asyncio.QueueShutDown as e:
        print("QueueShutDown", repr(e))
    try:
        q.put_nowait(1)
    except asyncio.QueueShutDown:
        print("put refused")
    cond = asyncio.Condition()
    state = {"n": 0}
    async def bump():
        for _ in range(3):
            await asyncio.sleep(0.5)
            async with cond:
                state["n"] += 1
                cond.notify_all()
    b = asyncio.create_task(bump())
    async with cond:
        r = await cond.wait_for(lambda: state["n"] >= 2)
    print("wait_for", r, state["n"], loop.time())
    await b
    bs = asyncio.BoundedSemaphore(2)
    async with bs:
        print(repr(bs).split("[")[1])
    try:
        bs.release()
    except ValueError as e:
        print(e)
    async for t in asyncio.as_completed([work(0.3)]):
        print("async for got", type(t).__name__, await t)
    for c in asyncio.as_completed([asyncio.create_task(work(0.2))], timeout=0.1):
        try:
            await c
        except TimeoutError:
            print("as_completed timeout", loop.time())

asyncio.run(main())
