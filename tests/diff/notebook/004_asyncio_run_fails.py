# notebook: asyncio.run() inside a cell fails because the loop is already running
import asyncio

async def main():
    print("main ran")
    return 1

# %%
coro = main()
asyncio.run(coro)

# %%
print("the notebook goes on")
await coro

# %%
runner = asyncio.Runner()
try:
    runner.run(main())
except RuntimeError as e:
    print("Runner:", e)
finally:
    runner.close()
print("after the Runner")
