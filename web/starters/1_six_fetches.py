# Six fetches at once: gather runs them together, 3 s in all instead of 12 s one after another.
import asyncio
import time

# How long each site takes to answer, in seconds.
SLOWEST = 3.0  # param: 0.5..6 step 0.5
DELAYS = {"a.com": 1.0, "b.com": 2.0, "c.com": SLOWEST,
          "d.com": 1.0, "e.com": 2.0, "f.com": SLOWEST}


async def fetch(site):
    print(f"start {site}")
    await asyncio.sleep(DELAYS[site])  # waits; the loop runs others
    print(f"done  {site}")
    return f"<page of {site}>"


async def main():
    start = time.monotonic()
    pages = await asyncio.gather(*(fetch(s) for s in DELAYS))
    took = time.monotonic() - start
    print(f"{len(pages)} pages in {took:.1f} s")


asyncio.run(main())
