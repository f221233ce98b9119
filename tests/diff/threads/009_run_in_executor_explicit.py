# run_in_executor with an explicit executor; its threads keep their own names.
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

def job(n):
    return n * 2, threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as pool:
        print(await loop.run_in_executor(pool, job, 21))
        fut = loop.run_in_executor(pool, job, 5)
        print(type(fut).__name__, isinstance(fut, asyncio.Future))
        print(await fut)

asyncio.run(main())
