# Tuples: packing, indexing, methods, reprs.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[1], t[-1], t[::-1])
print((1,), (), tuple("ab"), tuple([1, [2]]))
print(t.index(2), t.count(3), t + (4,), t * 2)
print((1, 2) < (1, 3), (2,) > (1, 9), (1, 2) == (1, 2))
a, b = b, a = 1, 2
print(a, b)
