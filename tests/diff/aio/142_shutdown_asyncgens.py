# An async generator still alive at shutdown is closed by shutdown_asyncgens (GeneratorExit).
import asyncio

async def stream():
    try:
        i = 0
        while True:
            yield i
            i += 1
    except GeneratorExit:
        print("stream got GeneratorExit")
        raise
    finally:
        print("stream finally")

keep = None

async def main():
    global keep
    keep = stream()
    print(await anext(keep), await anext(keep))
    print("main returns")

asyncio.run(main())
print("after run")
