# yield from delegates and returns the sub-generator's value.
def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(3)
    yield from "ab"

g = outer()
print(next(g)); print(g.send("hello"))
print(list(g))
def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
