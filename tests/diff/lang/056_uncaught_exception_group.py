# An uncaught ExceptionGroup prints its box-drawn traceback.
def fail(n):
    raise ValueError(f"item {n} is bad")

def run():
    errors = []
    for n in range(3):
        try:
            fail(n)
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup("batch failed", errors)

print("running")
run()
