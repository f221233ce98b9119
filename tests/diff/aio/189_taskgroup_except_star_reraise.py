# except* around a TaskGroup: handle some failures, re-raise the others, and a new error raised from a handler.
import asyncio

async def fail(exc, delay):
    await asyncio.sleep(delay)
    raise exc

async def run_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(ValueError("bad value"), 0.1))
        tg.create_task(fail(ConnectionError("lost"), 0.1))
        tg.create_task(fail(TimeoutError("slow"), 0.1))

async def main():
    try:
        try:
            await run_group()
        except* ValueError as g:
            print("values", repr(g))
        except* ConnectionError:
            print("re-raising connection errors")
            raise
    except* OSError as g:
        print("outer", repr(g), repr(g.__context__))
    try:
        await run_group()
    except* ValueError as g:
        raise RuntimeError("giving up") from g.exceptions[0]
    except* ConnectionError:
        raise

asyncio.run(main())
