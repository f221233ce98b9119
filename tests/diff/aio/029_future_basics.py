# Future: set_result, result, done, callbacks, reprs.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut), fut.done(), fut.cancelled())
    fut.add_done_callback(lambda f: print("callback sees", f.result()))
    loop.call_later(1, fut.set_result, [1, 2, 3])
    print("awaiting")
    r = await fut
    print("got", r, loop.time(), repr(fut))
    await asyncio.sleep(0)
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    print(repr(f2), repr(f2.exception()))
    f3 = loop.create_future()
    print(f3.cancel(), repr(f3), f3.cancel())

asyncio.run(main())
