# contextlib: contextmanager, suppress, ExitStack, AsyncExitStack, nullcontext, closing.
import asyncio
import contextlib

@contextlib.contextmanager
def tag(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("caught in", name, e)
    finally:
        print("exit", name)

@contextlib.asynccontextmanager
async def atag(name):
    print("aenter", name)
    await asyncio.sleep(0.5)
    try:
        yield name
    finally:
        await asyncio.sleep(0.5)
        print("aexit", name, asyncio.get_running_loop().time())

class Thing:
    def close(self):
        print("thing closed")

async def main():
    with tag("a") as a:
        print("body", a)
    with tag("b"):
        raise ValueError("suppressed by generator")
    with contextlib.suppress(KeyError):
        {}["x"]
    print("after suppress")
    with contextlib.ExitStack() as stack:
        stack.callback(print, "callback 1")
        stack.enter_context(tag("c"))
        stack.callback(print, "callback 2")
    async with contextlib.AsyncExitStack() as astack:
        await astack.enter_async_context(atag("d"))
        astack.push_async_callback(asyncio.sleep, 0.25)
        print("astack body")
    with contextlib.nullcontext(5) as v:
        print("null", v)
    with contextlib.closing(Thing()):
        pass
    @tag("deco")
    def decorated():
        print("in decorated")
    decorated()
    try:
        async with atag("e"):
            raise KeyError("boom")
    except KeyError as e:
        print("propagated", e)

asyncio.run(main())
