# Two tasks reading one async generator: the second anext()/asend()/athrow()/aclose() raises 'already running'.
import asyncio

async def slow_numbers():
    for i in range(3):
        await asyncio.sleep(1)
        yield i

async def reader(g, name):
    try:
        async for x in g:
            print(name, x, asyncio.get_running_loop().time())
    except RuntimeError as e:
        print(name, "RuntimeError", e)

async def main():
    g = slow_numbers()
    await asyncio.gather(reader(g, "a"), reader(g, "b"))
    g2 = slow_numbers()
    a1 = anext(g2)
    t = asyncio.create_task(a1)
    await asyncio.sleep(0)
    for label, mk in (("asend", lambda: g2.asend(None)), ("athrow", lambda: g2.athrow(ValueError)), ("aclose", g2.aclose)):
        try:
            await mk()
        except RuntimeError as e:
            print(label, e)
    print(await t)
    print(g2.ag_running)
    await g2.aclose()

asyncio.run(main())
