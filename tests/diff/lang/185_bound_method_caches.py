# Methods taken as values (`callback = self.step`) through the VM's per-instruction cache: a new
# bound method each time, an instance attribute that later shadows the method, a class whose
# method is replaced, __slots__ classes, and subclasses seen by the same instruction.


class Stepper:
    def __init__(self, name):
        self.name = name

    def step(self):
        return f"{self.name}.step"


class Slotted:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def step(self):
        return f"slotted {self.name}.step"


class Child(Stepper):
    def step(self):
        return "child " + super().step()


def take(obj):
    return obj.step                     # one LOAD_ATTR for every object passed in


a = Stepper("a")
first, second = take(a), take(a)
print(first(), first is second, first == second, first.__self__ is a, first.__func__ is Stepper.step)
print(take(Slotted("s"))(), take(Child("c"))(), take(a)())
a.step = lambda: "instance attribute"
print(take(a)(), take(Stepper("b"))())
del a.step
print(take(a)())
Stepper.step = lambda self: f"replaced for {self.name}"
print(take(a)(), take(Child("c"))())
callbacks = [take(Stepper(str(i))) for i in range(3)]
print([cb() for cb in callbacks])


def call(obj):
    return obj.step()                   # the method-call form, cached the same way


class Plain:
    def step(self):
        return "class method"


p, q = Plain(), Plain()
p.other = q.other = 1                  # instance dicts of the same shape
print(call(p), call(q), call(p))
p.step = lambda: "shadowed after the cache was warm"
print(call(p), call(q))
del p.step
print(call(p), call(q))
q.__dict__["step"] = lambda: "shadowed through __dict__"
print(call(q), call(p))
