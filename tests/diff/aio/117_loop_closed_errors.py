# Errors from a closed loop and from get_event_loop after run.
import asyncio

loop = asyncio.new_event_loop()
loop.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
print("closing twice is fine")

async def main():
    return "ran"

print(asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
