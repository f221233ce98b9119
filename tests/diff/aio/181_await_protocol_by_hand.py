# coro.__await__() driven by hand (next, send, throw, yield from) and classes whose __await__ is a generator.
import asyncio

async def inner(x):
    return x * 7

w = inner(1).__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("next ->", e.value)

class Ready:
    def __await__(self):
        return (yield from inner(3).__await__())

async def nothing():
    return None

w2 = nothing().__await__()
try:
    w2.send(None)
except StopIteration as e:
    print("send ->", e.value)

async def waits():
    try:
        await asyncio.sleep(1)
    except ValueError as e:
        print("caught", repr(e))
        return "recovered"

class Sleepy:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        result = yield from waits().__await__()
        return (self.n, result)

class Counter:
    def __await__(self):
        total = 0
        for i in range(3):
            got = yield from asyncio.sleep(0, result=i).__await__()
            total += got
        return total

async def main():
    print("ready", await Ready())
    t = asyncio.create_task(main_counter())
    print("counter", await t)
    print("sleepy", await wrap(Sleepy(2)))
    s = asyncio.create_task(wrap(Sleepy(5)))
    await asyncio.sleep(0.5)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("sleepy cancelled")
    w3 = waits().__await__()
    fut = w3.send(None)
    print("yielded a future:", isinstance(fut, asyncio.Future))
    try:
        w3.throw(ValueError("boom"))
    except StopIteration as e:
        print("throw ->", e.value)
    fut.cancel()
    print("closed:", w3.close())

async def main_counter():
    return await Counter()

async def wrap(aw):
    return await aw

asyncio.run(main())
try:
    next(w)
except RuntimeError as e:
    print("again:", e)
