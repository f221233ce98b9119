# What `await future` iterates (CPython's FutureIter): blocking flag, throw at the await, a second
# step without the future done, results, exceptions, close, and None/tuple results.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def inner(fut):
        try:
            return await fut
        except ValueError as e:
            print("inner caught", repr(e))
            return "handled"

    fut = loop.create_future()
    c = inner(fut)
    print(c.send(None) is fut, fut._asyncio_future_blocking)
    print(type(c.cr_await).__name__)
    try:
        c.throw(ValueError("boom"))
    except StopIteration as s:
        print("returned", s.value)

    fut2 = loop.create_future()
    c2 = inner(fut2)
    c2.send(None)
    try:
        c2.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    fut2._asyncio_future_blocking = False
    c3 = inner(fut2)
    print(c3.send(None) is fut2)
    fut2.set_result(5)
    try:
        c3.send(None)
    except StopIteration as s:
        print("c3 returned", s.value)

    it = fut2.__await__()
    try:
        next(it)
    except StopIteration as s:
        print("done value", s.value)
    print(list(fut2.__await__()))

    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    try:
        await f2
    except KeyError as e:
        print("raised", repr(e))
    f3 = loop.create_future()
    loop.call_later(1, f3.set_result, (1, 2))
    print(await f3, loop.time())
    f4 = loop.create_future()
    f4.set_result(None)
    print(await f4)
    f5 = loop.create_future()
    c4 = inner(f5)
    c4.send(None)
    c4.close()
    print("closed", c4.cr_await)
    f6 = loop.create_future()
    f6.cancel("why")
    try:
        await f6
    except asyncio.CancelledError as e:
        print("cancelled", e.args)


asyncio.run(main())
