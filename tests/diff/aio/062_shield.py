# shield: cancelling the outer future leaves the inner task running.
import asyncio

async def important():
    await asyncio.sleep(3)
    print("important work finished at", asyncio.get_running_loop().time())
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled at", asyncio.get_running_loop().time(), inner.cancelled())
    print(await inner)

asyncio.run(main())
