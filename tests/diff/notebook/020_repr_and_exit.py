# notebook: a failing repr and sys.exit in a cell are reported, and the notebook goes on
import sys

class Broken:
    def __repr__(self):
        raise RuntimeError("no repr for you")

# %%
Broken()

# %%
print("exiting")
sys.exit(3)

# %%
print("still here")
[1, 2, 3]

# %%
raise KeyboardInterrupt

# %%
"last"
