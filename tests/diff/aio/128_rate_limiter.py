# A token-bucket style rate limiter: 2 requests per second.
import asyncio

class RateLimiter:
    def __init__(self, per_second):
        self.interval = 1 / per_second
        self.next_free = 0.0
    async def wait(self):
        loop = asyncio.get_running_loop()
        now = loop.time()
        start = max(now, self.next_free)
        self.next_free = start + self.interval
        await asyncio.sleep(start - now)

async def request(limiter, n):
    await limiter.wait()
    print(f"request {n} at {asyncio.get_running_loop().time()}")

async def main():
    limiter = RateLimiter(2)
    await asyncio.gather(*(request(limiter, n) for n in range(6)))

asyncio.run(main())
