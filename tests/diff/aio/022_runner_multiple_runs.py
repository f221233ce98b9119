# asyncio.Runner: several run() calls on one loop; pending tasks survive.
import asyncio

async def background(log):
    for i in range(3):
        log.append(i)
        await asyncio.sleep(1)

async def start(log):
    asyncio.create_task(background(log))
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def later(log):
    await asyncio.sleep(1.5)
    return asyncio.current_task().get_name(), list(log)

with asyncio.Runner() as runner:
    log = []
    print(runner.run(start(log)))
    print(runner.run(later(log)))
    print(runner.get_loop().time())
print("closed")
