# create_task outside a running loop: RuntimeError and a never-awaited warning.
import asyncio

async def job():
    return 1

try:
    asyncio.create_task(job())
except RuntimeError as e:
    print("RuntimeError:", e)
print("continuing")
