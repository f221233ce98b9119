# The same attribute instruction meeting objects whose attribute lives in different places:
# instance dicts in different orders, slots set and unset, methods shadowed by instance
# attributes, classes changed after use, properties and __getattr__ appearing later.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


class Reordered:
    def __init__(self, x, y):
        self.y = y
        self.x = x

    def norm(self):
        return -1


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y=None):
        self.x = x
        if y is not None:
            self.y = y

    def norm(self):
        return self.x * 10


def read_x(objs):
    out = []
    for o in objs:
        try:
            out.append(o.x)
        except AttributeError as e:
            out.append(f"AttributeError: {e}")
    return out


def read_y(objs):
    out = []
    for o in objs:
        try:
            out.append(o.y)
        except AttributeError as e:
            out.append(f"AttributeError: {e}")
    return out


def norms(objs):
    return [o.norm() for o in objs]


def set_x(objs, v):
    for o in objs:
        o.x = v


objs = [Point(1, 2), Point(3, 4), Reordered(5, 6), Slotted(7), Slotted(8, 9), Point(10, 11)]
print(read_x(objs), read_y(objs), norms(objs))
set_x(objs, 0)
print(read_x(objs), norms(objs))

# An instance attribute shadows the method for that object only.
p = Point(1, 1)
p.norm = lambda: "shadowed"
print(norms([Point(2, 2), p, Point(3, 3)]))
del p.norm
print(norms([p]))

# Deleting and re-adding reorders an instance dict.
q = Point(5, 6)
del q.x
print(read_x([Point(1, 2), q]))
q.x = 7
print(read_x([Point(1, 2), q, Point(3, 4)]), read_y([q]))

# Unset and deleted slots.
s = Slotted(1, 2)
del s.y
print(read_y([Slotted(3, 4), s, Slotted(5, 6)]))

# The class changes after the instructions have run.
Point.norm = lambda self: "patched"
print(norms([Point(1, 2)]))
pp = Point(1, 2)
Point.x = property(lambda self: "property wins")
print(read_x([pp]))
try:
    Point(3, 4)
except AttributeError as e:
    print(e)
del Point.x
print(read_x([pp, Point(5, 6)]))


class Fallback(Point):
    def __getattr__(self, name):
        return f"fallback {name}"


f = Fallback(1, 2)
del f.x
print(read_x([Point(1, 2), f]), read_y([f]))

# A subclass adds slots after a dict-based base.
class SlottedChild(Point):
    __slots__ = ("z",)


c = SlottedChild(1, 2)
c.z = 3
c.w = 4
print(read_x([c, Point(9, 9)]), c.z, c.w, sorted(vars(c)))
