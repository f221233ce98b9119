# throw() into an aclose()/athrow()/asend() awaitable that has not started yet reaches the generator.
import asyncio

async def gen(name):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print(name, "GeneratorExit")
        raise
    except BaseException as e:
        print(name, "got", repr(e))
        raise
    finally:
        print(name, "finally")

def attempt(label, aw, exc):
    try:
        r = aw.throw(exc)
        print(label, "returned", repr(r))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(e))

async def main():
    g = gen("a"); await anext(g)
    attempt("aclose", g.aclose(), asyncio.CancelledError("c1"))
    g = gen("b"); await anext(g)
    attempt("athrow", g.athrow(KeyError("k")), ValueError("v"))
    g = gen("c"); await anext(g)
    attempt("asend", g.asend(None), ValueError("v2"))
    g = gen("d"); await anext(g)
    attempt("anext", anext(g), GeneratorExit())
    g = gen("e")
    attempt("fresh aclose", g.aclose(), ValueError("v3"))
    g = gen("f"); await anext(g)
    t = asyncio.create_task(g.aclose())
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled())

asyncio.run(main())
