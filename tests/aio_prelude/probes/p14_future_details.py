# Future details: remove_done_callback counts, StopIteration, cancel messages, result twice.
import asyncio

def cb(f):
    print("cb", f.result() if not f.cancelled() else "cancelled")

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(cb)
    f.add_done_callback(cb)
    f.add_done_callback(print)
    print(f.remove_done_callback(cb), f.remove_done_callback(cb))
    f.set_result(7)
    await asyncio.sleep(0)
    g = loop.create_future()
    g.set_exception(StopIteration())
    print(repr(g.exception()), repr(g.exception().__cause__))
    h = loop.create_future()
    print(h.cancel("why"), h.cancel(), h.cancelled())
    for _ in range(2):
        try:
            h.result()
        except asyncio.CancelledError as e:
            print("CancelledError", e.args)
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel("stop it")
    for _ in range(2):
        try:
            await t
        except asyncio.CancelledError as e:
            print("task CancelledError", e.args)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(e)
    print(f.done(), f.cancel(), await f)

asyncio.run(main())
