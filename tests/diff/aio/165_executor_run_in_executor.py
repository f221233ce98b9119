# run_in_executor(None, ...) with a blocking function; the loop keeps ticking.
import asyncio

def blocking_sum(n):
    return sum(range(n))

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking_sum, 10_000)
    print("submitted", type(fut).__name__)
    print("result", await fut)
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking_sum, n) for n in (10, 100, 1000)))
    print(results)

asyncio.run(main())
