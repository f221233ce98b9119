# ASYNCIO-SEMANTICS.md §14: soon versus later, and a blocked loop.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "later(0) A"); loop.call_soon(print, "soon B")
    loop.call_at(loop.time() - 5, print, "call_at past C"); loop.call_later(-1, print, "later(-1) D")
    await asyncio.sleep(0); print("main after sleep(0)")
    await asyncio.sleep(0); print("main after 2nd sleep(0)")
    loop.call_later(0.5, print, "timer 0.5"); loop.call_later(0.2, print, "timer 0.2")
    loop.call_soon(print, "soon X"); time.sleep(1); loop.call_soon(print, "soon Y")
    await asyncio.sleep(0); print("main resumed", loop.time())
    await asyncio.sleep(1)

asyncio.run(main())
