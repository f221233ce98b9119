# A worker pool draining a queue; results sorted at the end.
import asyncio

async def worker(name, q, done):
    while True:
        job = await q.get()
        await asyncio.sleep(job % 3 + 0.5)
        done.append((job, name, asyncio.get_running_loop().time()))
        q.task_done()

async def main():
    q = asyncio.Queue()
    for job in range(9):
        q.put_nowait(job)
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", q, done)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    for row in sorted(done):
        print(row)

asyncio.run(main())
