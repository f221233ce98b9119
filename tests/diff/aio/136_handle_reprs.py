# Handle and TimerHandle reprs (args hidden outside debug mode in 3.13).
import asyncio

def mycb(x):
    print("mycb", x)

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(mycb, 1)
    th = loop.call_later(5, mycb, 2)
    print(repr(h)); print(repr(th)); print(th.when())
    th.cancel(); print(repr(th), th.cancelled())
    await asyncio.sleep(0)
    h2 = loop.call_soon(mycb, 3); h2.cancel(); print(repr(h2))
    await asyncio.sleep(0)

asyncio.run(main())
