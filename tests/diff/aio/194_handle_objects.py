# The handles call_soon, call_later and call_at return (made natively outside debug mode): their
# reprs, cancel() and cancelled(), when(), ordering and hashing of timer handles,
# and the same calls in debug mode, where they are made by Python code.
import asyncio


def cb(*args):
    print("cb", args)


async def main(debug):
    loop = asyncio.get_running_loop()
    loop.set_debug(debug)
    h = loop.call_soon(cb, 1, "two")
    print(type(h).__name__, h.cancelled())
    print(repr(h).split(" at ")[0])
    t1 = loop.call_later(0.5, cb, "late")
    t2 = loop.call_at(loop.time() + 0.25, cb, "at")
    t3 = loop.call_at(loop.time() + 0.25, cb, "at again")
    print(type(t1).__name__, t1.when(), t2.when(), t2 < t1, t1 < t2, t2 == t3, t2 <= t3, hash(t2) == hash(t3))
    print(repr(t1).split(" at ")[0].replace(str(t1.when()), "WHEN"))
    t3.cancel()
    print(t3.cancelled(), repr(t3).split(" at ")[0])
    c = loop.call_soon(cb, "never")
    c.cancel()
    print(c.cancelled(), repr(c))
    await asyncio.sleep(1)
    print(t1._callback is cb, h._callback is cb, c._callback, c._args)
    for attr in ("_args", "_cancelled", "_repr", "_scheduled", "_when"):
        print(attr, getattr(t1, attr, "-"))


asyncio.run(main(False))
print("debug mode")
asyncio.run(main(True))
