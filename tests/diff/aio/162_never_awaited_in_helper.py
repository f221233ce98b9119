# A forgotten coroutine inside a helper warns at the caller's line.
import asyncio

async def save(x):
    await asyncio.sleep(0)

def helper():
    c = save(1)
    print("helper made a coroutine and forgot it")

async def main():
    helper()
    print("after helper")

asyncio.run(main())
