# asyncio.run returns main's value; the clock keeps running between runs.
import asyncio
import time

async def compute(x):
    await asyncio.sleep(x)
    return x * 10

print(asyncio.run(compute(1)))
print(asyncio.run(compute(0.5)))
print("clock", time.monotonic())
