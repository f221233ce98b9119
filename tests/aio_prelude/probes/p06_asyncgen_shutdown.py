# Async generators: finalizer path after break, cancellation at shutdown, shutdown_asyncgens.
import asyncio

async def gen(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    except BaseException as e:
        print(name, "got", type(e).__name__)
        raise
    finally:
        print(name, "finally; task =", asyncio.current_task().get_name())

keep = None

async def main():
    global keep
    async for x in gen("brk"):
        if x == 1:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep0")
    await asyncio.sleep(0)
    keep = gen("kept")
    print(await keep.__anext__())
    local = gen("local")
    print(await local.__anext__())
    print("main end")

asyncio.run(main())
print("after run")
