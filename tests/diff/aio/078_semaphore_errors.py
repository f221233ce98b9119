# Semaphore value errors and BoundedSemaphore over-release.
import asyncio

async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    s = asyncio.Semaphore(0)
    print("locked:", s.locked())
    s.release()
    print("locked after release:", s.locked())
    await s.acquire()
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
