# Debug mode: a never-awaited coroutine's warning says where it was created (10 frames deep, asyncio's own frames counted).
import asyncio

async def fetch(n):
    return n

def make_sync():
    fetch(0)

async def level3():
    fetch(3)
    await asyncio.sleep(0)

async def level2():
    await level3()

async def level1():
    await level2()

async def main():
    fetch(1)
    await asyncio.sleep(0)
    make_sync()
    await level1()
    t = asyncio.create_task(level3())
    await t
    asyncio.get_running_loop().call_soon(make_sync)
    await asyncio.sleep(0)

    c = fetch(9)
    print([(line, name) for filename, line, name in c.cr_origin if filename == __file__])
    await c

asyncio.run(main(), debug=True)
loop = asyncio.new_event_loop()
loop.set_debug(True)
loop.run_until_complete(level1())
loop.close()
asyncio.run(level3())
