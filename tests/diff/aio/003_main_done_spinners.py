# ASYNCIO-SEMANTICS.md §14: main finishing while other tasks still spin on sleep(0).
import asyncio

async def spinner(name):
    i = 0
    try:
        while True:
            print(name, "step", i); i += 1; await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled at step", i); raise

async def main():
    asyncio.create_task(spinner("before")); await asyncio.sleep(0)
    print("main done"); asyncio.create_task(spinner("after"))

asyncio.run(main())
