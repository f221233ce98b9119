# Counting loop iterations with a sleep(0) ticker.
import asyncio

async def ticker(log, n):
    for i in range(n):
        log.append(f"tick{i}")
        await asyncio.sleep(0)

async def leaf():
    return "leaf"

async def main():
    log = []
    t = asyncio.create_task(ticker(log, 6))
    log.append("await coro")
    await leaf()
    log.append("await task")
    await asyncio.create_task(leaf())
    log.append("task done")
    await t
    print(log)

asyncio.run(main())
