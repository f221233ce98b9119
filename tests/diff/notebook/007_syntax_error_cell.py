# notebook: a cell with a SyntaxError reports it and leaves the notebook usable
import asyncio
x = 1

# %%
x = (1 +
print("unreachable")

# %%
print("x is", x)
x + 1

# %%
def f():
    await asyncio.sleep(1)

# %%
await asyncio.sleep(1)
x + 2
