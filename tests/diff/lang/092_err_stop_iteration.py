# StopIteration escaping next() at top level.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
it = iter([1])
print(next(it))
print(next(it))
