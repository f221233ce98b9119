# Operator overloading: a Vector class with arithmetic dunders.
class Vector:
    def __init__(self, *c): self.c = tuple(c)
    def __add__(self, o): return Vector(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return Vector(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vector(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self): return self * -1
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, Vector) and self.c == o.c
    def __bool__(self): return any(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __repr__(self): return f"Vector{self.c}"
v = Vector(3, 4); w = Vector(1, -1)
print(v + w, v - w, v * 2, 3 * w, -v, abs(v))
print(v == Vector(3, 4), v == (3, 4), bool(Vector(0, 0)), len(v), v[1], list(v))
total = Vector(0, 0)
for i in range(5):
    total = total + Vector(i, i * i)
print(total)
try:
    v + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    v / 2
except TypeError as e:
    print("TypeError:", e)
