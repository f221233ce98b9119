# wait_for around a shielded task: the timeout does not kill the work.
import asyncio

async def save():
    await asyncio.sleep(2)
    return "written"

async def main():
    t = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=1)
    except TimeoutError:
        print("gave up waiting at", asyncio.get_running_loop().time(), "task done?", t.done())
    print(await t, asyncio.get_running_loop().time())

asyncio.run(main())
