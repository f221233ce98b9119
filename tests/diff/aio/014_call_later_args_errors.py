# call_later / call_at argument errors and callback arguments.
import asyncio

def report(*args):
    print("report", args)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, report, 1, "two", [3])
    try:
        loop.call_later(None, report)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_at(None, report)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0.2)
    print("done at", loop.time())

asyncio.run(main())
