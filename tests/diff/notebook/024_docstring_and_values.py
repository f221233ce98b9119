# notebook: a cell's first string is its __doc__ unless it is also the last expression
import asyncio

# %%
"only a string: shown, not stored"

# %%
print(__doc__)

# %%
"""a docstring for the namespace"""
answer = 42

# %%
__doc__, answer

# %%
async def values():
    for v in (1, "two", None, 3.5):
        await asyncio.sleep(0.5)
        yield v

[v async for v in values()], asyncio.get_running_loop().time()
