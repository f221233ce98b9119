# Awaiting an async generator's asend()/athrow()/aclose() awaitable a second time: RuntimeError naming the method.
import asyncio

async def gen():
    yield 1
    yield 2

async def main():
    g = gen()
    a = g.asend(None)
    print(await a)
    for label, aw in (("asend", a),):
        try:
            await aw
        except RuntimeError as e:
            print(label, e)
    t = g.athrow(ValueError)
    try:
        await t
    except ValueError as e:
        print("athrow", repr(e))
    try:
        await t
    except RuntimeError as e:
        print("athrow reuse", e)
    c = g.aclose()
    await c
    try:
        await c
    except RuntimeError as e:
        print("aclose reuse", e)
    print(type(a).__name__, type(t).__name__, type(c).__name__)
    print(g.ag_await)

asyncio.run(main())
