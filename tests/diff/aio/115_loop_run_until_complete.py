# new_event_loop + run_until_complete + close, by hand.
import asyncio

async def work(x):
    await asyncio.sleep(x)
    return x * 2

loop = asyncio.new_event_loop()
print(loop.run_until_complete(work(1)), loop.time())
t = loop.create_task(work(2))
print(loop.run_until_complete(t), t.get_name(), loop.time())
print(loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(work(1))
except RuntimeError as e:
    print("RuntimeError:", e)
