# asyncio.run joins the default executor's threads in a helper thread that takes a Thread-N name.
import asyncio
import threading

def f():
    return threading.current_thread().name

async def main():
    print(await asyncio.to_thread(f))
    print(sorted(t.name for t in threading.enumerate()))

asyncio.run(main())
print(sorted(t.name for t in threading.enumerate()))
t = threading.Thread(target=f)
print(t.name)

async def after():
    loop = asyncio.get_running_loop()
    await loop.shutdown_default_executor()
    try:
        await asyncio.to_thread(f)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(after())
