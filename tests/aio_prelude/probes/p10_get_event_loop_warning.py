# get_event_loop() at top level before any loop exists: DeprecationWarning, then a loop.
import asyncio

loop = asyncio.get_event_loop()
print(type(loop).__name__, loop.is_running())
async def main():
    return asyncio.get_event_loop() is loop
print(loop.run_until_complete(main()))
loop.close()
