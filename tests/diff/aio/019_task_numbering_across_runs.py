# Task-N names continue across asyncio.run calls (shutdown tasks use numbers too).
import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task().get_name()
    t = asyncio.create_task(child())
    return me, await t

print(asyncio.run(main()))
print(asyncio.run(main()))
print(asyncio.run(main()))
