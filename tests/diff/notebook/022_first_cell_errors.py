# notebook: errors in the first cells (IndentationError, NameError) then normal cells
# %%
if True:
print("bad indent")

# %%
undefined_name + 1

# %%
import asyncio
async def greet(who):
    await asyncio.sleep(0.25)
    return f"hello {who}"

# %%
await greet("notebook")

# %%
{k: await greet(k) for k in ("a", "b")}
