# Debug mode adds creation stacks to the exception handler's report.
import asyncio

async def boom():
    raise ValueError("kaboom")

async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main(), debug=True)
