# time on the virtual clock: starts at 0.0 and sleep advances it.
import time
print(time.time(), time.monotonic(), time.perf_counter())
start = time.perf_counter()
time.sleep(1.5)
print("elapsed", time.perf_counter() - start)
time.sleep(0.25); time.sleep(0)
print(time.time(), time.monotonic())
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
for i in range(3):
    time.sleep(0.1)
print(time.time())
