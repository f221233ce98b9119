# finally blocks run before an uncaught exception is reported.
def step(n):
    try:
        print("step", n)
        if n == 2:
            raise RuntimeError(f"failed at step {n}")
    finally:
        print("cleanup", n)
for i in range(5):
    step(i)
