# asyncio.to_thread runs the function in the default executor's thread asyncio_0.
import asyncio
import threading

def where(x, *, y):
    return threading.current_thread().name, x + y

async def main():
    print(await asyncio.to_thread(where, 1, y=2))
    loop = asyncio.get_running_loop()
    name, total = await loop.run_in_executor(None, lambda: where(3, y=4))
    print(name, total)
    print(threading.current_thread().name)

asyncio.run(main())
