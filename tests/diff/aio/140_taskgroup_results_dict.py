# Collecting TaskGroup results into a dict keyed by name.
import asyncio

async def price(item, d):
    await asyncio.sleep(d)
    return {"apple": 3, "pear": 4, "fig": 7}[item]

async def main():
    items = {"apple": 0.3, "pear": 0.1, "fig": 0.2}
    async with asyncio.TaskGroup() as tg:
        tasks = {name: tg.create_task(price(name, d)) for name, d in items.items()}
    prices = {name: t.result() for name, t in tasks.items()}
    print(prices, sum(prices.values()), asyncio.get_running_loop().time())

asyncio.run(main())
