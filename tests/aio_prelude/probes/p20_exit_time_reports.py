# Reports at interpreter exit: a pending task, a never-awaited coroutine.
import asyncio

pending = None
coro = None

async def sleeper():
    try:
        await asyncio.sleep(50)
    finally:
        print("sleeper finally")

async def job():
    pass

async def main():
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
loop = asyncio.new_event_loop()
pending = loop.create_task(sleeper())
loop.run_until_complete(asyncio.sleep(0.5))
coro = job()
print("after run")
