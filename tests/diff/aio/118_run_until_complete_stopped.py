# Stopping the loop before the future completes.
import asyncio

async def main(loop):
    loop.call_later(1, loop.stop)
    await asyncio.sleep(5)

loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
except RuntimeError as e:
    print("RuntimeError:", e, loop.time())
for t in asyncio.all_tasks(loop):
    t.cancel()
loop.run_until_complete(asyncio.sleep(0))
loop.close()
print("closed")
