# Tuple unpacking, starred targets and swapping.
a, b, c = 1, 2, 3; print(a, b, c)
first, *rest = [1, 2, 3, 4]; print(first, rest)
*init, last = "abcd"; print(init, last)
x, (y, z) = 1, (2, 3); print(x, y, z)
head, *mid, tail = range(6); print(head, mid, tail)
a, b = b, a; print(a, b)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *[9]], {**{"a": 1}, "b": 2})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
