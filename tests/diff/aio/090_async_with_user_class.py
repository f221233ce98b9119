# async with on a user class: ordering of __aenter__/__aexit__ and suppression.
import asyncio

class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("enter", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.1)
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress

async def main():
    async with Resource("A") as a, Resource("B") as b:
        print("body", a.name, b.name)
    async with Resource("C", suppress=True):
        raise ValueError("hidden")
    print("t =", round(asyncio.get_running_loop().time(), 3))
    try:
        async with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
