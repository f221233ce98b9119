# A custom task factory, and the eager task factory's first step inside create_task.
import asyncio

async def quick(n):
    print("quick", n, asyncio.current_task().get_name())
    return n

async def slow(n):
    print("slow start", n)
    await asyncio.sleep(0)
    print("slow end", n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    calls = []
    def factory(loop, coro, **kw):
        calls.append(coro.__qualname__)
        return asyncio.Task(coro, loop=loop, **kw)
    loop.set_task_factory(factory)
    print(await asyncio.create_task(quick(1)), calls)
    loop.set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick(2), name="eager2")
    print("after create", t.done(), t.result())
    s = asyncio.create_task(slow(3), name="eager3")
    print("after create slow", s.done())
    print(await s)
    loop.set_task_factory(None)
    print(loop.get_task_factory())

asyncio.run(main())
