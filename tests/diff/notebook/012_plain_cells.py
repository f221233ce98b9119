# notebook: a cell without top-level await is ordinary code; await inside a plain def is an error
import asyncio

def plain():
    return "plain result"

# %%
plain()

# %%
values = [i * i for i in range(5)]
values

# %%
def bad():
    return await asyncio.sleep(1)

# %%
print("still fine")
None

# %%
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

Point(1, 2), Point
