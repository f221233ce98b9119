# Defaults, keyword-only, *args and **kwargs.
def f(a, b=2, *args, c, d=4, **kw):
    print(a, b, args, c, d, kw)
f(1, c=3)
f(1, 5, 6, 7, c=8, e=9)
f(*[1, 2, 3], **{"c": 0, "z": 1})
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(items=[]):
    items.append(len(items)); return items
print(h(), h(), h([9]))
