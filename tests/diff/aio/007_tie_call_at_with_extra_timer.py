# Ten call_at(now+1) timers plus one sleep(2) timer in the heap (§1.3).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    now = loop.time()
    for i in range(10):
        loop.call_at(now + 1, order.append, i)
    t = asyncio.create_task(asyncio.sleep(2))
    await asyncio.sleep(0)
    await asyncio.sleep(1.5)
    print(*order)
    await t
    print("done at", loop.time())

asyncio.run(main())
