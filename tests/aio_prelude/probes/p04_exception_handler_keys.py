# The default exception handler: sorted keys, repr values, unhandled error in a handler.
import asyncio

def bad():
    raise RuntimeError("cb failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "custom", "zeta": 1, "alpha": "two"})
    loop.call_exception_handler({"message": "", "exception": KeyError("never read")})
    loop.call_soon(bad)
    await asyncio.sleep(0)
    def handler(loop, ctx):
        print("handler got", ctx["message"], type(ctx.get("exception")).__name__)
        raise ValueError("handler broke")
    loop.set_exception_handler(handler)
    loop.call_soon(bad)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print("handler reset", loop.get_exception_handler())

asyncio.run(main())
