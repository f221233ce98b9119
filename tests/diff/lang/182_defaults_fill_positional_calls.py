# Positional calls that leave parameters to their defaults (a fast path in the VM): the defaults
# in order, the same default object each call, closures and methods, and the errors when too few.


def three(a, b=2, c=3):
    return (a, b, c)


print(three(1), three(1, 5), three(1, 5, 6))


class Box:
    def add(self, x=10, into=[]):
        into.append(x)
        return into

    def pair(self, a, b="b"):
        return (self.__class__.__name__, a, b)


box = Box()
print(box.add(), box.add(1), Box.add(box), box.add(2, [0]))
print(box.pair(1), Box.pair(box, 2), box.pair(3, 4))


def outer(scale):
    def inner(x, factor=2):
        return x * factor * scale      # a free variable and a default together
    return inner


print(outer(10)(1), outer(10)(1, 3))


def gen(n, step=1):
    yield from range(0, n, step)


print(list(gen(5)), list(gen(5, 2)))


async def coro(x, y=None):
    return (x, y)


c = coro(1)
try:
    c.send(None)
except StopIteration as stop:
    print("coroutine returned", stop.value)


three.__defaults__ = (20, 30)          # replaced defaults are read at each call
print(three(1))
three.__defaults__ = (30,)
print(three(1, 2))
try:
    three(1)
except TypeError as e:
    print(e)


def one_default(a, b=1):
    return a + b


try:
    one_default()
except TypeError as e:
    print(e)


def needs_two(a, b, c=1):
    return a


try:
    needs_two(1)
except TypeError as e:
    print(e)
