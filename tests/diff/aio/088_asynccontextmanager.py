# contextlib.asynccontextmanager: enter, exit, exceptions, suppression.
import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def connection(name):
    print("open", name)
    await asyncio.sleep(0.5)
    try:
        yield f"conn-{name}"
    except KeyError as e:
        print("handled inside cm:", repr(e))
    finally:
        await asyncio.sleep(0.5)
        print("close", name, "at", asyncio.get_running_loop().time())

async def main():
    async with connection("a") as c:
        print("using", c)
    async with connection("b"):
        raise KeyError("suppressed")
    print("after b")
    try:
        async with connection("c"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", repr(e))

asyncio.run(main())
