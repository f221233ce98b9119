# Reading a plain class attribute through an instance (a default the instance has not set) is
# cached per instruction; each change below must be seen by the same instruction's next read.
class Base:
    flag = False
    count = 0


class Child(Base):
    __slots__ = ("own",)


class Slotted:
    __slots__ = ("x",)
    limit = 10


def read(obj):
    return (obj.flag, obj.count)  # the two cached instructions under test


b = Base()
c = Child()
print("defaults:", [read(o) for o in (b, b, c, c)])
b.flag = True                      # the instance now shadows the class value
print("shadowed:", read(b), read(Base()))
Base.count = 5                     # the class value changes in place
print("class changed:", read(b), read(c))
del b.flag                         # back to the class value
print("unshadowed:", read(b))
Child.flag = "child"               # a subclass now defines it first along the MRO
print("subclass:", read(c), read(b))
del Child.flag
print("deleted from subclass:", read(c))
Base.flag = property(lambda self: f"property of {type(self).__name__}")
print("became a descriptor:", read(b), read(c))
Base.flag = None
print("plain again:", read(b), read(c))

s = Slotted()
s.x = 1
print("slotted:", [s.limit for _ in range(3)])
Slotted.limit = 20
print("slotted after change:", s.limit)
try:
    s.limit = 30
except AttributeError as e:
    print("AttributeError:", e)


class Answer:
    answer = 42


w = Answer()
print("before:", [w.answer for _ in range(2)])
w.__dict__["answer"] = "own"
print("shadowed through __dict__:", w.answer)
