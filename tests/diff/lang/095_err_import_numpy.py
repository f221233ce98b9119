# ModuleNotFoundError for a module Loop Lab (and this CPython) lacks.
try:
    import numpy
except ImportError as e:
    print("caught", type(e).__name__, e, e.name)
print("now uncaught")
import numpy as np
