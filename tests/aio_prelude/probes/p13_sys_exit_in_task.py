# SystemExit raised in a task escapes from the loop; asyncio.run still shuts down.
import asyncio
import sys

async def other():
    try:
        await asyncio.sleep(5)
    finally:
        print("other finally")

async def quitter():
    await asyncio.sleep(1)
    print("quitting")
    sys.exit(3)

async def main():
    asyncio.create_task(other())
    await asyncio.create_task(quitter())

try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit", e.code)
