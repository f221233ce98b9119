# Futures made by loop.create_future() and Future(loop=...) (native outside debug mode in Loop Lab, C in
# CPython): their fields, a subclass, the current loop, argument errors, and debug mode's creation stack.
import asyncio
class F(asyncio.Future):
    pass
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(type(f).__name__, f, f._asyncio_future_blocking, f._state)
    g = F(loop=loop)
    print(g, g.get_loop() is loop)
    h = asyncio.Future()
    print(h.get_loop() is loop)
    for c in (lambda: asyncio.Future(1), lambda: loop.create_future(1)):
        try: c()
        except Exception as e: print(type(e).__name__, e)
    loop.set_debug(True)
    d = loop.create_future()
    print(d._source_traceback[-1][1:3], d._source_traceback[-2][2])
    d2 = asyncio.Future(loop=loop)
    print(d2._source_traceback is not None)
asyncio.run(main())
