# Equal-deadline timers: wake order for N = 2..10 follows heapq (§1.3).
import asyncio

async def sleeper(i, order):
    await asyncio.sleep(1)
    order.append(i)

async def main():
    for n in range(2, 11):
        order = []
        await asyncio.gather(*(sleeper(i, order) for i in range(n)))
        print(n, " ".join(map(str, order)))
    print("clock", asyncio.get_running_loop().time())

asyncio.run(main())
