# Queue.put and get test the size inline only while full(), empty() and qsize() are asyncio's
# own and maxsize is an int: a subclass overriding one of them, or a float or bool maxsize,
# must behave exactly as CPython's calls do.
import asyncio


class Counting(asyncio.Queue):
    calls = 0

    def full(self):
        Counting.calls += 1
        return super().full()

    def empty(self):
        Counting.calls += 1
        return super().empty()


class NeverFull(asyncio.LifoQueue):
    def full(self):
        return False


class SizedByTwo(asyncio.Queue):
    def qsize(self):
        return 2 * len(self._queue)


class Deeper(Counting):
    pass


async def pump(q, n):
    async def producer():
        for i in range(n):
            await q.put(i)
            print("put", i, "size", q.qsize())
    async def consumer():
        got = []
        for _ in range(n):
            got.append(await q.get())
        return got
    _, got = await asyncio.gather(producer(), consumer())
    return got


async def main():
    for q in (Counting(2), Deeper(1), NeverFull(1), SizedByTwo(4), asyncio.Queue(2.5), asyncio.Queue(True),
              asyncio.PriorityQueue(2), asyncio.Queue(0), asyncio.Queue(-1)):
        Counting.calls = 0
        print(type(q).__name__, repr(q.maxsize), await pump(q, 4), "calls", Counting.calls)
    q = NeverFull(1)
    q.put_nowait("a")
    q.put_nowait("b")
    print("never full:", q.qsize(), q.full(), q.get_nowait(), q.get_nowait())
    q = asyncio.Queue(1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
