# athrow()/aclose()/asend() on finished async generators, and on one that ignored GeneratorExit (closed but suspended).
import asyncio

async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")

async def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit, raising ValueError")
        raise ValueError("from close")

async def ignorer():
    ignored = 0
    while True:
        try:
            yield 1
        except GeneratorExit:
            ignored += 1
            if ignored > 1:
                print("closing for real")
                raise
            print("ignoring")

async def main():
    g = gen()
    print([x async for x in g])
    for label, mk in (("athrow", lambda: g.athrow(KeyError("k"))), ("asend", lambda: g.asend(None)), ("aclose", g.aclose), ("anext", lambda: anext(g))):
        try:
            print(label, await mk())
        except BaseException as e:
            print(label, "raised", repr(e))
    g2 = gen()
    await g2.aclose()
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("closed before start: StopAsyncIteration")
    try:
        print(await g2.athrow(KeyError("k2")))
    except BaseException as e:
        print("athrow fresh-closed", repr(e))
    c = catcher()
    await anext(c)
    try:
        await c.aclose()
    except ValueError as e:
        print("aclose raised", repr(e))
    i = ignorer()
    await anext(i)
    try:
        await i.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        await i.athrow(GeneratorExit)
    except BaseException as e:
        print("athrow GeneratorExit", repr(e))
    async def with_await():
        yield 1
        await asyncio.sleep(0.1)
        yield 2
    print([x * 10 async for x in with_await()], asyncio.get_running_loop().time())
    squares = (x * x async for x in with_await() if x > 1)
    print(await anext(squares), squares.__class__.__name__)
    print(await anext(squares, "done"))

asyncio.run(main())
print("after run")
