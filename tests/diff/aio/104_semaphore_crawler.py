# A semaphore-limited crawler: at most 3 fetches in flight.
import asyncio
import random

random.seed(11)
URLS = [f"https://site/{i}" for i in range(10)]
in_flight = 0
peak = 0

async def fetch(sem, url):
    global in_flight, peak
    async with sem:
        in_flight += 1
        peak = max(peak, in_flight)
        delay = random.choice([0.5, 1.0, 1.5])
        loop = asyncio.get_running_loop()
        print(f"{loop.time():4.1f} GET {url} ({in_flight} in flight)")
        await asyncio.sleep(delay)
        in_flight -= 1
        return url, delay

async def main():
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*(fetch(sem, u) for u in URLS))
    print("fetched", len(results), "peak", peak, "total delay", sum(d for _, d in results))
    print("finished at", asyncio.get_running_loop().time())

asyncio.run(main())
