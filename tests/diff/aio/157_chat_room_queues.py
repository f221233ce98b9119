# A chat room: one queue per client, a broadcaster task.
import asyncio

async def client(name, inbox, n):
    got = []
    for _ in range(n):
        got.append(await inbox.get())
    print(name, "received", got)

async def main():
    inboxes = {name: asyncio.Queue() for name in ("ann", "bob", "cy")}
    clients = [asyncio.create_task(client(n, q, 3)) for n, q in inboxes.items()]
    for msg in ("hi", "how are you", "bye"):
        await asyncio.sleep(0.5)
        for q in inboxes.values():
            q.put_nowait(msg)
    await asyncio.gather(*clients)
    print("room closed at", asyncio.get_running_loop().time())

asyncio.run(main())
