# A custom loop exception handler receives the context dict.
import asyncio

def handler(loop, ctx):
    print("handler:", ctx["message"], "|", repr(ctx.get("exception")))

def bad_callback():
    raise ValueError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": "custom report"})
    print("main continues")

asyncio.run(main())
