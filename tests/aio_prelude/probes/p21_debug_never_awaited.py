# Debug mode tracks where coroutines were created.
import asyncio

async def work():
    pass

async def main():
    work()
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main(), debug=True)
