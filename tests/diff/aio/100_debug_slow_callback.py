# Debug mode reports slow callbacks: "Executing <Handle ...> took 0.300 seconds".
import asyncio
import time

def slow_cb(tag):
    time.sleep(0.3)
    print("slow_cb ran", tag)

def fast_cb(tag):
    time.sleep(0.05)
    print("fast_cb ran", tag)

async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), loop.slow_callback_duration)
    loop.call_soon(slow_cb, 42)
    loop.call_soon(fast_cb, 1)
    loop.call_later(1, slow_cb, "later")
    await asyncio.sleep(2)
    print("done at", round(loop.time(), 6))

asyncio.run(main(), debug=True)
