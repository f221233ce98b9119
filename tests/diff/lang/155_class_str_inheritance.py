# __str__ vs __repr__ through inheritance and containers.
class Shape:
    def area(self): return 0
    def __str__(self): return f"{type(self).__name__} with area {self.area():.2f}"
    def __repr__(self): return f"<{type(self).__name__}>"
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r ** 2
shapes = [Rect(2, 3), Square(4), Circle(1), Shape()]
for s in shapes:
    print(s)
print(shapes)
print(sorted(shapes, key=lambda s: s.area()))
print([type(s).__name__ for s in shapes if isinstance(s, Rect)])
