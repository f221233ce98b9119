# Queue.put and get move the item inline only while put_nowait, get_nowait, _put, _get and
# _init are asyncio's own: a subclass overriding any of them is called exactly as CPython calls
# it, and a put on a shut-down queue still fails.
import asyncio


class LoggedNowait(asyncio.Queue):
    def put_nowait(self, item):
        print("put_nowait", item)
        super().put_nowait(item)

    def get_nowait(self):
        item = super().get_nowait()
        print("get_nowait", item)
        return item


class Doubling(asyncio.Queue):
    def _put(self, item):
        print("_put", item)
        self._queue.append(item * 2)

    def _get(self):
        item = self._queue.popleft()
        print("_get", item)
        return item


class ListBacked(asyncio.Queue):
    def _init(self, maxsize):
        print("_init", maxsize)
        self._queue = []


class Deeper(Doubling):
    pass


async def pump(q, n):
    async def producer():
        for i in range(n):
            await q.put(i)
    async def consumer():
        return [await q.get() for _ in range(n)]
    _, got = await asyncio.gather(producer(), consumer())
    return got


async def main():
    for q in (LoggedNowait(2), Doubling(1), Deeper(0)):
        print(type(q).__name__, await pump(q, 3), q.qsize())
    q = ListBacked(2)
    await q.put("x")
    try:
        await q.get()
    except AttributeError as e:
        print("AttributeError:", e)
    q = asyncio.Queue(1)
    await q.put(1)
    q.shutdown()
    try:
        await q.put(2)
    except asyncio.QueueShutDown as e:
        print("QueueShutDown", repr(e))
    print("after shutdown:", await q.get(), q.qsize())
    try:
        await q.get()
    except asyncio.QueueShutDown as e:
        print("QueueShutDown", repr(e))
    q = asyncio.Queue()
    await q.put("kept")
    q._finished.clear()
    print("unfinished", q._unfinished_tasks, q._finished.is_set(), q.get_nowait())


asyncio.run(main())
