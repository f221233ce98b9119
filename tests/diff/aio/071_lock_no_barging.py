# Lock has no barging: a task that releases and re-acquires queues behind the waiter it woke.
import asyncio

async def greedy(lock):
    for i in range(3):
        async with lock:
            print("greedy got", i)
            await asyncio.sleep(0.1)

async def polite(lock):
    await asyncio.sleep(0.05)
    async with lock:
        print("polite got")
        await asyncio.sleep(0.1)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(greedy(lock), polite(lock))
    print("t =", round(asyncio.get_running_loop().time(), 3))

asyncio.run(main())
