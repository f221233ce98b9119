# Class creation ends as CPython's does: each attribute's __set_name__ (a failure gets a note),
# then the nearest base's __init_subclass__ with the class statement's keywords, also for type().
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Plugin:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)
class A(Plugin, tag="a"):
    x = Field()
    y = Field()
class B(A):
    pass
print(Plugin.registry, A.tag, B.tag, A.x.name)
try:
    class C(Plugin, bogus=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no")
try:
    class D:
        b = Bad()
except ValueError as e:
    print(repr(e), e.__notes__)
E = type("E", (A,), {"z": Field()})
print(E.tag, Plugin.registry)
print(object.__init_subclass__())
