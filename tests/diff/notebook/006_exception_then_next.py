# notebook: an exception in a cell prints its traceback; the next cell still works
import asyncio

def divide(a, b):
    return a / b

# %%
total = 10
print("before")
divide(total, 0)
print("never printed")

# %%
print("total is still", total)
total += 1
total

# %%
async def fails():
    await asyncio.sleep(1)
    raise ValueError("bad value")

await fails()

# %%
try:
    await fails()
except ValueError as e:
    print("caught", e)
total
