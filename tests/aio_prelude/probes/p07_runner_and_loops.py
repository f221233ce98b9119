# Runner reuse, loops made by hand, closed-loop errors, get_event_loop after run.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return asyncio.current_task().get_name()

async def leftover():
    try:
        await asyncio.sleep(100)
    finally:
        print("leftover cancelled at", asyncio.get_running_loop().time())

with asyncio.Runner() as runner:
    print(runner.run(job(1)))
    loop = runner.get_loop()
    loop.create_task(leftover())
    print(runner.run(job(2)))
    print(loop.time())
print(loop.is_closed())
try:
    loop.call_soon(print, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

loop = asyncio.new_event_loop()
print(loop.run_until_complete(job(0.5)), loop.time())
t = loop.create_task(job(1))
loop.run_until_complete(asyncio.sleep(0.1))
print(t.done())
loop.run_until_complete(t)
print(t.result())
loop.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
