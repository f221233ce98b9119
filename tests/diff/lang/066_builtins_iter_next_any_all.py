# iter, next with default, any, all, map, filter.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 3 for x in range(5)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(str.isdigit, "a1b2")))
m = map(abs, [-1, -2]); print(type(m).__name__, list(m), list(m))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
