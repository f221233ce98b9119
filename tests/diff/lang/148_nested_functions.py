# Nested functions, closures counting calls, functions as values.
def outer():
    calls = []
    def record(x):
        calls.append(x)
        return len(calls)
    def summary():
        return f"{len(calls)} calls: {calls}"
    return record, summary
rec, summ = outer()
print(rec("a"), rec("b"), rec("c"))
print(summ())
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
pipeline = compose(str, lambda n: n * 2, abs)
print(repr(pipeline(-21)))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": pow}
for name in sorted(ops):
    print(name, ops[name](3, 4))
print(outer.__name__, rec.__name__, (lambda: 0).__name__)
