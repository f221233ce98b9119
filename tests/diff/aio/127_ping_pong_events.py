# Two tasks ping-pong using two events.
import asyncio

async def player(name, mine, theirs, rounds):
    for i in range(rounds):
        await mine.wait()
        mine.clear()
        print(f"{asyncio.get_running_loop().time():.1f} {name} {i}")
        await asyncio.sleep(0.5)
        theirs.set()

async def main():
    ping, pong = asyncio.Event(), asyncio.Event()
    ping.set()
    await asyncio.gather(player("ping", ping, pong, 3), player("pong", pong, ping, 3))

asyncio.run(main())
