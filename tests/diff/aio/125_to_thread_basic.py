# asyncio.to_thread runs a blocking function off the loop.
import asyncio

def compute(n):
    return sum(i * i for i in range(n))

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    r, _ = await asyncio.gather(asyncio.to_thread(compute, 1000), ticker())
    print("result", r)
    print(await asyncio.to_thread(str.upper, "threaded"))

asyncio.run(main())
