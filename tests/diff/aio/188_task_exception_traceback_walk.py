# A failed task's exception: its traceback starts at the coroutine, and each frame's line can be read.
import asyncio

async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)

async def handle(text):
    value = await parse(text)
    return value * 2

def frames(exc):
    tb, out = exc.__traceback__, []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

async def main():
    t = asyncio.create_task(handle("4x"))
    await asyncio.wait([t])
    print(frames(t.exception()))
    try:
        await handle("")
    except ValueError as e:
        print(frames(e), e)

asyncio.run(main())
