# A callable kept in a slot or in the instance dict, called as `obj.name(...)`: the call gets
# no self, a new value is seen at once, an emptied slot raises, and a property or method added
# to the class later takes over where CPython's lookup order says it does.
class Handle:
    __slots__ = ("callback", "args")

    def __init__(self, callback, args):
        self.callback = callback
        self.args = args

    def run(self):
        return self.callback(*self.args)


class Plain:
    def __init__(self, f):
        self.f = f

    def call(self, x):
        return self.f(x)


def show(*a):
    return "show" + repr(a)


handles = [Handle(show, (1, 2)), Handle(len, ("abc",)), Handle(lambda: "lambda", ())]
for _ in range(3):
    print([h.run() for h in handles])
handles[0].callback = max
print(handles[0].run())
del handles[0].callback
try:
    handles[0].run()
except AttributeError as e:
    print("AttributeError:", e)

p = Plain(abs)
print([p.call(-i) for i in range(3)])
p.f = str
print(p.call(5), p.call(6))
del p.f
try:
    p.call(1)
except AttributeError as e:
    print("AttributeError:", e)
Plain.f = lambda self, x: ("method", x)
print(p.call(7))
p.f = lambda x: ("instance", x)
print(p.call(8))
Plain.f = property(lambda self: (lambda x: ("property", x)))
print(p.call(9))
del Plain.f
print(p.call(10))


class Sub(Handle):
    __slots__ = ()


for h in (Sub(show, ("sub",)), Handle(show, ("base",)), Sub(repr, ("again",))):
    print(h.run())
