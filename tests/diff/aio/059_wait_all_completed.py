# asyncio.wait: done/pending sets, printed sorted.
import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(work(d), name=f"t{d}") for d in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), pending, asyncio.get_running_loop().time())
    tasks = [asyncio.create_task(work(d), name=f"u{d}") for d in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print(sorted(t.result() for t in done), len(pending), asyncio.get_running_loop().time())

asyncio.run(main())
