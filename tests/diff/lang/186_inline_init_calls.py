# A class call whose __init__ is Python runs it inline: the new instance waits on the caller's
# stack. Each way out of __init__ (return, a bad return value, an exception, rebinding self, a
# nested class call, a call through *args and **kwargs) must leave that stack as it was.
class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Rebinds:
    def __init__(self):
        self.tag = "original"
        self = None  # the call still returns the instance it made


class ReturnsValue:
    def __init__(self):
        return 42


class Raises:
    def __init__(self, n):
        raise ValueError(f"no {n}")


class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None
        self.depth = depth


def chain(n):
    return n.depth + (chain(n.child) if n.child else 0)


print([Point(i) for i in range(3)], Point(1, y=2), Point(*(3, 4)), Point(**{"x": 5}))
print(Rebinds().tag)
for cls, args in ((ReturnsValue, ()), (Raises, (7,))):
    for attempt in range(2):
        try:
            print("made", cls(*args))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
print(sum(chain(Nested(d)) for d in range(5)), [Point(p) for p in (Point(9),)])


def gen():
    for i in range(3):
        yield Point(i, Point(-i).x)


print(list(gen()), (Point(1).x, Point(2, 3).y, [Point(0) for _ in ()]))
try:
    print(len([Point(1), Point(2), Raises(3), Point(4)]))
except ValueError as e:
    print("list display unwound:", e)
