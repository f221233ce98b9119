# current_task() in callbacks, get_running_loop in callbacks, set_name, partial callbacks.
import asyncio
import functools

def cb(tag, fut=None):
    print(tag, asyncio.current_task(), asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "soon")
    h = loop.call_soon(functools.partial(cb, "partial"))
    print(h)
    loop.call_later(0.5, cb, "later")
    t = asyncio.current_task()
    t.set_name(123)
    print(repr(t.get_name()))
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(cb, "done-cb"))
    print(fut)
    fut.set_result(None)
    await asyncio.sleep(1)
    print(asyncio.all_tasks() == {t})
    try:
        asyncio.current_task(None)
        print("ok")
    except RuntimeError as e:
        print(e)

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
