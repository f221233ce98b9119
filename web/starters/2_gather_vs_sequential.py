# Gather vs one after another: the same three fetches take 3 s together, 6 s in sequence.
import asyncio
import time

MODE = "gather"  # param: gather | sequential
DELAYS = [1.0, 2.0, 3.0]


async def fetch(i, delay):
    print(f"t={time.monotonic():.1f} fetch {i} starts")
    await asyncio.sleep(delay)  # the loop runs the other fetches meanwhile
    print(f"t={time.monotonic():.1f} fetch {i} done")
    return i


async def main():
    start = time.monotonic()
    if MODE == "gather":
        results = await asyncio.gather(*(fetch(i, d) for i, d in enumerate(DELAYS)))
    else:
        results = [await fetch(i, d) for i, d in enumerate(DELAYS)]
    print(f"{MODE}: {results} in {time.monotonic() - start:.1f} s")


asyncio.run(main())
