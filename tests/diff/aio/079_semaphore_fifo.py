# Semaphore waiters are served FIFO; acquire/release by hand.
import asyncio

async def worker(sem, n, log):
    await sem.acquire()
    try:
        log.append(n)
        await asyncio.sleep(0.5)
    finally:
        sem.release()

async def main():
    sem = asyncio.Semaphore(1)
    log = []
    tasks = [asyncio.create_task(worker(sem, n, log)) for n in range(6)]
    await asyncio.sleep(1.2)
    print("so far", log)
    await asyncio.gather(*tasks)
    print("order", log, asyncio.get_running_loop().time())

asyncio.run(main())
