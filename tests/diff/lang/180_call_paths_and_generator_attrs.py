# Calls the VM takes fast paths for, and generator attributes as descriptors: same results and errors as CPython.
import collections


def f(*a, **k):
    return a, sorted(k.items())


def two(a, b):
    return a + b


class C:
    def m(self, *a):
        return a

    def __call__(self, x):
        return ("called", x)


# f(*x): a lone starred argument goes to the call as it is; tuples, lists and other iterables.
print(two(*(1, 2)), two(*[3, 4]), f(*"xy"), f(*range(3)), f(*{5: 0}), f(*(x * 2 for x in (1, 2))))
print(C().m(*(1, 2)), C().m(*[3]), C()(*[7]), len(*["abc"]), max(*[3, 9, 4]))
t = (1, 2)
print(f(0, *t), f(*t, *t), f(*t, k=1), f(*t, **{"z": 2}))
lst = [1]
lst.append(*lst)  # a native method given *list of the same list
print(lst)
# Not iterable: CPython names the function (module.qualname()) in the message.
for name, call in [("f(*1)", lambda: f(*1)), ("f(0, *1)", lambda: f(0, *1)), ("f(*1, **{})", lambda: f(*1, **{})),
                   ("C().m(*1)", lambda: C().m(*1)), ("print(*1)", lambda: print(*1)), ("f(*None)", lambda: f(*None)),
                   ("len(*5)", lambda: len(*5)), ("C(*1)", lambda: C(*1)), ("[].append(*2)", lambda: [].append(*2)),
                   ("two(*(1,))", lambda: two(*(1,))), ("two(*[1, 2, 3])", lambda: two(*[1, 2, 3]))]:
    try:
        print(name, call())
    except TypeError as e:
        print(name, "TypeError:", e)


# The iterable is unpacked after the keyword arguments are evaluated.
def gen():
    print("gen runs")
    yield 1


def kw():
    print("kwargs evaluated")
    return {"k": 1}


print(f(*gen(), **kw()))


# An iterable whose __iter__ raises TypeError keeps its own error.
class BadIter:
    def __iter__(self):
        raise TypeError("my own error")


try:
    f(*BadIter())
except TypeError as e:
    print("BadIter:", e)


# Classes with a Python __init__, bound methods, natives with wrong arguments.
class A:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


a = A(1)
print(a.a, a.b, vars(A(3, b=4)))
for call in [lambda: A(), lambda: A(1, 2, 3), lambda: A(1, c=3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
bm = a.__init__
bm(5)
print(a.a, a.b)
q = collections.deque()
q.append(1)
q.append(2)
print(q.popleft(), q, len(q))
for call in [lambda: q.append(), lambda: q.popleft(1), lambda: q.append(1, 2), lambda: q.append(1, x=2),
             lambda: q.appendleft(1, x=2), lambda: q.append(x=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# Generator, coroutine and async generator attributes.
def g():
    x = yield 1
    yield x


async def co():
    pass


async def ag():
    yield 1


it = g()
print(it.__name__, it.__qualname__, it.gi_running, it.gi_suspended, it.gi_yieldfrom, it.gi_code.co_name)
print(type(it).__name__, type(it).__qualname__, type(it).gi_frame, it.gi_frame is not None)
next(it)
print(it.send("sent"), it.gi_suspended)
it.__name__ = "renamed"
it.__qualname__ = "Re.named"
print(it.__name__, it.__qualname__)


def attempts(obj, ops):
    # ("set", name, value) / ("del", name) / ("get", name): what each does, or its error.
    for op in ops:
        try:
            if op[0] == "set":
                setattr(obj, op[1], op[2])
            elif op[0] == "del":
                delattr(obj, op[1])
            else:
                getattr(obj, op[1])
            print(op, "ok")
        except (AttributeError, TypeError) as e:
            print(op, type(e).__name__, e)


attempts(it, [("set", "__name__", 1), ("set", "__qualname__", None), ("del", "__name__"), ("set", "gi_frame", 1),
              ("set", "gi_running", True), ("set", "foo", 1), ("get", "gi_await"), ("get", "cr_frame"),
              ("get", "ag_frame")])
it.close()
print(it.gi_frame, it.gi_suspended, it.gi_running)
c = co()
print(c.__name__, c.cr_running, c.cr_suspended, c.cr_await, c.cr_origin, c.cr_frame is not None, type(c).__name__)
attempts(c, [("set", "cr_origin", 1), ("get", "gi_frame"), ("get", "cr_yieldfrom"), ("get", "ag_await")])
c.close()
a_g = ag()
print(a_g.__name__, a_g.ag_running, a_g.ag_suspended, a_g.ag_await, a_g.ag_frame is not None, a_g.ag_code.co_name)
attempts(a_g, [("set", "ag_running", 1), ("get", "gi_frame"), ("get", "cr_await")])
print(sorted(n for n in dir(it) if n.startswith("gi_")), sorted(n for n in dir(c) if n.startswith("cr_")))


# type's __name__ / __qualname__ come before the class's own attributes of that name.
class Named:
    __name__ = "instance name"


print(Named.__name__, Named().__name__)
Named.__name__ = "Renamed"
print(Named.__name__, Named.__qualname__, repr(Named).endswith("Named'>"))
attempts(Named, [("set", "__name__", 1), ("del", "__qualname__")])
