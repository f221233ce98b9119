# wait_for with timeout 0: done awaitables return, others time out.
import asyncio

async def quick():
    return "quick"

async def main():
    t = asyncio.create_task(quick())
    await t
    print(await asyncio.wait_for(t, 0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except TimeoutError:
        print("timed out immediately at", asyncio.get_running_loop().time())
    try:
        await asyncio.wait_for(quick(), -1)
    except TimeoutError:
        print("negative timeout also times out")

asyncio.run(main())
