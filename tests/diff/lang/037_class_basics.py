# Classes: __init__, attributes, methods, __repr__ and __str__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x; self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(1, 2)
print(p, repr(p), [p], str(p), f"{p}", f"{p!r}")
print(p.moved(3, 4), Point.dims, p.dims)
p.dims = 3; print(p.dims, Point.dims)
print(type(p).__name__, isinstance(p, Point), isinstance(p, object))
print(p.__dict__)
