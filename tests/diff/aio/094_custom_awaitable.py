# Custom awaitables with __await__.
import asyncio

class Delay:
    def __init__(self, d, value):
        self.d, self.value = d, value
    def __await__(self):
        yield from asyncio.sleep(self.d).__await__()
        return self.value

class Immediate:
    def __await__(self):
        return iter([])

async def main():
    print(await Delay(1, "one"), asyncio.get_running_loop().time())
    print(await asyncio.gather(Delay(2, "a"), Delay(1, "b")))
    print(await Immediate())
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
