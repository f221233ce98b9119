# TaskGroup with two failing children: both appear in the ExceptionGroup.
import asyncio

async def fail_after(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, ValueError("a")))
            tg.create_task(fail_after(1, TypeError("b")))
    except* ValueError as eg:
        print("values:", repr(eg.exceptions))
    except* TypeError as eg:
        print("types:", repr(eg.exceptions))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, ValueError("x")))
            tg.create_task(fail_after(1, TypeError("y")))
    except ExceptionGroup as eg:
        print(str(eg)); print(repr(eg)); print(eg.message)

asyncio.run(main())
