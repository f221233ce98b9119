# Lock: mutual exclusion and FIFO hand-over.
import asyncio

async def worker(name, lock, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(1)
        log.append(f"{name} out")

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(worker(n, lock, log) for n in "abc"))
    print(log, asyncio.get_running_loop().time(), lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
