# A three-stage producer/transformer/consumer pipeline with sentinels.
import asyncio

async def produce(out, n):
    for i in range(n):
        await asyncio.sleep(0.2)
        await out.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} produced {i}")
    await out.put(None)

async def transform(inp, out):
    while (item := await inp.get()) is not None:
        await asyncio.sleep(0.5)
        await out.put(item * item)
    await out.put(None)

async def consume(inp, results):
    while (item := await inp.get()) is not None:
        results.append(item)
        print(f"{asyncio.get_running_loop().time():.1f} consumed {item}")

async def main():
    q1, q2 = asyncio.Queue(maxsize=2), asyncio.Queue()
    results = []
    await asyncio.gather(produce(q1, 5), transform(q1, q2), consume(q2, results))
    print(results, asyncio.get_running_loop().time())

asyncio.run(main())
