# Fields most futures never change (cancel message, stored CancelledError, the second callback,
# "exception never retrieved", cancels requested): each read back after being set and reset.
import asyncio


async def sleeper():
    await asyncio.sleep(10)


async def swallow_then_return():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    return "kept going"


def show(label, fut):
    for attempt in (1, 2):
        try:
            print(label, attempt, "result", repr(fut.result()))
        except asyncio.CancelledError as e:
            print(label, attempt, "cancelled", repr(e.args))
        except Exception as e:
            print(label, attempt, "raised", repr(e))


async def main():
    loop = asyncio.get_running_loop()

    fut = loop.create_future()
    print("cancel with message:", fut.cancel("first"), fut.cancel("second"))
    show("future", fut)

    plain = loop.create_future()
    plain.cancel()
    show("plain future", plain)

    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    task.cancel("stop now")
    print("cancelling:", task.cancelling())
    await asyncio.sleep(0)
    show("task", task)

    task = asyncio.create_task(swallow_then_return())
    await asyncio.sleep(0)
    task.cancel("ignored")
    task.cancel("twice")
    print("cancelling:", task.cancelling(), "uncancel:", task.uncancel(), task.uncancel(), task.uncancel())
    await asyncio.sleep(0)
    show("uncancelled task", task)

    task = asyncio.create_task(sleeper())
    task.cancel()
    print("cancelled before it ran:", task.cancelling())
    await asyncio.sleep(0)
    show("early", task)

    fut = loop.create_future()
    order = []
    fut.add_done_callback(lambda f: order.append("one"))
    fut.add_done_callback(lambda f: order.append("two"))
    fut.add_done_callback(lambda f: order.append("three"))
    fut.set_result(None)
    await asyncio.sleep(0)
    print("callbacks:", order)
    show("none result", fut)

    fut = loop.create_future()
    fut.set_exception(ValueError("looked at"))
    print("exception:", repr(fut.exception()))
    fut = loop.create_future()
    fut.set_exception(KeyError("never looked at"))
    del fut
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
