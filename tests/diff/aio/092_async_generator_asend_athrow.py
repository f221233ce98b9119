# anext, asend, athrow and aclose on async generators.
import asyncio

async def agen():
    try:
        received = yield "first"
        print("received", received)
        while True:
            try:
                received = yield f"echo {received}"
            except ValueError as e:
                print("agen caught", repr(e))
                received = "after error"
    finally:
        print("agen finally")

async def main():
    g = agen()
    print(await anext(g))
    print(await g.asend("hello"))
    print(await g.athrow(ValueError("oops")))
    print(await g.asend("again"))
    await g.aclose()
    print(await g.aclose())
    try:
        await anext(g)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    print(await anext(agen2(), "default"))

async def agen2():
    return
    yield

asyncio.run(main())
