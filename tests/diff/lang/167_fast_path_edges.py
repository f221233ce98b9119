# Edges of the VM's fast paths: getattr defaults, keyword binding by built names, rebinding, globals.
class Prop:
    @property
    def missing(self):
        raise AttributeError("from the property")

    @property
    def broken(self):
        raise KeyError("not an AttributeError")


p = Prop()
print(getattr(p, "missing", "default"))
print(getattr(p, "nothing", None))
try:
    getattr(p, "broken", "default")
except KeyError as e:
    print("KeyError", e)
name = "".join(["mis", "sing"])   # not an interned literal
print(getattr(p, name, "built name"))
print(getattr(Prop, "missing", "x").__class__.__name__)


def kw(a, *, context=None, loop=1):
    return (a, context, loop)


print(kw(1, **{"con" + "text": 2}))
print(kw(1, **{"lo" + "op": 3}))
try:
    kw(1, 2, **{"con" + "text": 2})
except TypeError as e:
    print(e)


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class Holder:
    pass


h = Holder()
h.x = Noisy("first")
h.x = Noisy("second")   # the first one dies here, after the new value is in place
print("after rebind", h.x.tag)
del h.x
print("hasattr", hasattr(h, "x"))

counter = 0


def bump():
    global counter
    counter += 1
    return counter


print(bump(), bump())
del counter
try:
    bump()
except NameError as e:
    print(e)
len = lambda x: -1   # a global shadowing a builtin after the cache saw the builtin
print(len([1, 2]))
del len
print(len([1, 2]))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(15))
