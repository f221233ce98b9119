# Breaking out of async for leaves the generator to the loop's finalizer; asyncio.run cancels that aclose() task.
import asyncio

async def ticker():
    try:
        i = 0
        while True:
            yield i
            i += 1
            await asyncio.sleep(0.1)
    except GeneratorExit:
        print("ticker GeneratorExit")
        raise
    except asyncio.CancelledError as e:
        print("ticker cancelled", repr(e))
        raise
    finally:
        print("ticker finally", asyncio.get_running_loop().time())

async def main():
    async for x in ticker():
        try:
            if x == 2:
                break
        finally:
            print("loop body finally", x)
    print("after loop", len(asyncio.all_tasks()))

asyncio.run(main())
print("after run")
