# A user class implementing __aiter__/__anext__.
import asyncio

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.n -= 1
        return self.n + 1

async def main():
    async for v in Countdown(3):
        print(v, asyncio.get_running_loop().time())
    print([v async for v in Countdown(2)])
    try:
        async for v in 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        for v in Countdown(1):
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
