# ImportError for a missing name in an existing module.
try:
    from collections import dequeue
except ImportError as e:
    print("caught:", type(e).__name__, e.name)
try:
    import pandas
except ModuleNotFoundError as e:
    print("caught:", e)
from heapq import heappush
print(heappush.__name__)
from nosuchmodule import helper
