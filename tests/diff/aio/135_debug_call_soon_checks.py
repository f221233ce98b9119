# Debug mode checks what call_soon receives.
import asyncio

async def coro_fn():
    pass

async def main():
    loop = asyncio.get_running_loop()
    for bad in (1, coro_fn):
        try:
            loop.call_soon(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        loop.call_later(1, "text")
    except TypeError as e:
        print("TypeError:", e)
    print("ok")

asyncio.run(main(), debug=True)
