# Retries with exponential backoff, on the virtual clock.
import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.1)
    if attempts < 4:
        raise ConnectionError(f"attempt {attempts} failed")
    return "success"

async def retry(fn, tries, base):
    loop = asyncio.get_running_loop()
    for i in range(tries):
        try:
            return await fn()
        except ConnectionError as e:
            delay = base * 2 ** i
            print(f"{loop.time():.1f} {e}; retrying in {delay}")
            await asyncio.sleep(delay)
    raise RuntimeError("gave up")

async def main():
    print(await retry(flaky, 5, 0.5), round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
