# Timeout misuse: entering twice, outside a task.
import asyncio

async def main():
    t = asyncio.timeout(10)
    async with t:
        try:
            async with t:
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(repr(t))

asyncio.run(main())
