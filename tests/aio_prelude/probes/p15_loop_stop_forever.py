# run_forever/stop, stopping before a future completes, slow_callback_duration changes.
import asyncio
import time

loop = asyncio.new_event_loop()
loop.call_later(1, loop.stop)
loop.call_soon(print, "soon")
loop.run_forever()
print("stopped at", loop.time())

async def long():
    await asyncio.sleep(10)

loop.call_later(1, loop.stop)
try:
    loop.run_until_complete(long())
except RuntimeError as e:
    print("RuntimeError:", e, loop.time())

async def slow():
    asyncio.get_running_loop().slow_callback_duration = 5
    time.sleep(1)
    print("slow step done")

async def slow2():
    asyncio.get_running_loop().set_debug(False)
    time.sleep(0.2)

loop.set_debug(True)
loop.run_until_complete(slow())
loop.slow_callback_duration = 0.1
loop.run_until_complete(slow2())
print(loop.get_debug())
loop.close()
loop.close()
print("closed", loop.is_closed())
