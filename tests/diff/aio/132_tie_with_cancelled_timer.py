# A cancelled timer stays in the heap and changes the tie order of the others.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    handles = [loop.call_later(1, order.append, i) for i in range(6)]
    handles[0].cancel()
    handles[3].cancel()
    await asyncio.sleep(2)
    print("with cancels:", order)
    order.clear()
    handles = [loop.call_later(1, order.append, i) for i in range(6)]
    await asyncio.sleep(2)
    print("without:", order)

asyncio.run(main())
