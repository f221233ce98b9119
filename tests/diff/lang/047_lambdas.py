# Lambdas with map/filter/sorted and immediately invoked.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda: "iife")())
print(list(map(lambda x: x ** 2, range(6))))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda *a, **k: (a, k))(1, 2, z=3))
