# The default handler logs "Exception in callback ..." to stderr.
import asyncio

def bad(x):
    return 1 / x

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad, 0)
    await asyncio.sleep(0.1)
    print("loop survived")

asyncio.run(main())
