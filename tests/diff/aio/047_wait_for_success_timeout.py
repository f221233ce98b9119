# wait_for: success, timeout, and the TimeoutError's cause.
import asyncio

async def job(d):
    try:
        await asyncio.sleep(d)
        return f"job {d}"
    except asyncio.CancelledError:
        print(f"job {d} cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    print(await asyncio.wait_for(job(1), timeout=2))
    try:
        await asyncio.wait_for(job(5), timeout=1.5)
    except TimeoutError as e:
        print("timeout:", repr(e), str(e) == "", type(e.__cause__).__name__)
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(job(2), None))
    print(asyncio.get_running_loop().time())

asyncio.run(main())
