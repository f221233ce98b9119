# Four call_later(1) callbacks at the same deadline fire in heap order 0 2 1 3.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for n in (3, 4, 5, 6, 7):
        order = []
        for i in range(n):
            loop.call_later(1, order.append, i)
        await asyncio.sleep(1.5)
        print(n, order)

asyncio.run(main())
