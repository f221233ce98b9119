# Timing code with time.perf_counter on the virtual clock.
import time
def timed(fn):
    def wrapper(*a):
        t0 = time.perf_counter()
        r = fn(*a)
        print(f"{fn.__name__} took {time.perf_counter() - t0:.3f} s")
        return r
    return wrapper
@timed
def slow_add(a, b):
    time.sleep(0.5)
    return a + b
@timed
def many_steps(n):
    for _ in range(n):
        time.sleep(0.1)
    return n
print(slow_add(1, 2), many_steps(10))
print("now", time.time(), time.monotonic() == time.time())
