# `await fut` on a Future at its edges: what cr_await shows while it waits, awaiting a done
# future, a cancelled one, one that fails, the same future from several tasks, a coroutine
# closed or thrown into while it waits, a driver that resumes it too early, a subclass with
# its own __await__; and the iterators __await__ and __iter__ still give.
import asyncio


class Counting(asyncio.Future):
    def __await__(self):
        print("Counting.__await__")
        return (yield from super().__await__())


async def wait_on(fut, label):
    try:
        value = await fut
        print(label, "got", value)
        return value
    except asyncio.CancelledError:
        print(label, "cancelled")
        raise
    except ValueError as e:
        print(label, "raised", e)
        return None


async def main():
    loop = asyncio.get_running_loop()

    fut = loop.create_future()
    t = asyncio.create_task(wait_on(fut, "A"))
    await asyncio.sleep(0)
    waiting = t.get_coro().cr_await
    print(type(waiting).__name__, t.get_coro().cr_frame.f_code.co_name)
    print(fut._asyncio_future_blocking)
    fut.set_result("ready")
    print(await t, t.get_coro().cr_await)

    done = loop.create_future()
    done.set_result(7)
    print("done future:", await done, done._asyncio_future_blocking)

    shared = loop.create_future()
    ts = [asyncio.create_task(wait_on(shared, name)) for name in "BCD"]
    await asyncio.sleep(0)
    shared.set_result("all")
    print(await asyncio.gather(*ts))

    bad = loop.create_future()
    t = asyncio.create_task(wait_on(bad, "E"))
    await asyncio.sleep(0)
    bad.set_exception(ValueError("nope"))
    print(await t)

    gone = loop.create_future()
    t = asyncio.create_task(wait_on(gone, "F"))
    await asyncio.sleep(0)
    gone.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("F's task:", repr(e), t.cancelled())

    # Cancelling the task throws into the coroutine while the future is pending.
    pending = loop.create_future()
    t = asyncio.create_task(wait_on(pending, "G"))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("G:", t.cancelled(), pending.cancelled())

    # Driving the coroutine by hand: the first send yields the future, a second one before the
    # future is done is an error, as in CPython.
    manual = loop.create_future()
    coro = wait_on(manual, "H")
    print(coro.send(None) is manual, manual._asyncio_future_blocking)
    try:
        coro.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

    # close() while waiting: GeneratorExit at the await, nothing printed by wait_on.
    other = loop.create_future()
    coro = wait_on(other, "I")
    coro.send(None)
    coro.close()
    print("closed:", coro.cr_frame, other.done())

    # throw() while waiting reaches the coroutine's handler.
    third = loop.create_future()
    coro = wait_on(third, "J")
    coro.send(None)
    try:
        coro.throw(ValueError("thrown in"))
    except StopIteration as e:
        print("J returned", e.value)

    sub = Counting(loop=loop)
    loop.call_soon(sub.set_result, "sub")
    print(await sub)

    old = loop.create_future()
    it = old.__await__()
    print(next(it) is old)
    old.set_result("by hand")
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)
    print(type(it).__name__, type(iter(old)).__name__)


asyncio.run(main())
