# shutdown(cancel_futures=True) cancels the work items that no worker has started yet.
import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError

gate = threading.Event()

def first():
    gate.wait()
    return "first"

ex = ThreadPoolExecutor(max_workers=1)
a = ex.submit(first)
b = ex.submit(str.upper, "never runs")
print(a.running(), b.running(), b.done())
print(b.cancel(), b.cancelled(), b.done())
try:
    b.result()
except CancelledError:
    print("CancelledError from result()")
c = ex.submit(len, "abc")
gate.set()
ex.shutdown(wait=True, cancel_futures=False)
print(a.result(), c.result(), a.cancel())
