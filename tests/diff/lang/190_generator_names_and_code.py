# A generator's or coroutine's __name__, __qualname__, gi_code/cr_code and repr: taken from its
# function when made, settable afterwards, and kept (with the code) once it has finished.
import functools


def plain():
    yield 1


class Box:
    def items(self):
        yield from (1, 2)

    async def fetch(self):
        return 3


def make_closure(n):
    def counter():
        yield n
    return counter


def show(label, g):
    code = getattr(g, "gi_code", None) or getattr(g, "cr_code", None)
    print(label, g.__name__, g.__qualname__, code.co_name, code.co_qualname)


g = plain()
show("fresh", g)
print(list(g))
show("finished", g)
print(g.gi_frame, g.gi_running, g.gi_suspended)

show("method", Box().items())
c = Box().fetch()
show("coroutine", c)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
show("coroutine done", c)
print(c.cr_frame, c.cr_await)

# Two closures made from one code object share its qualname string, as in CPython.
a, b = make_closure(1), make_closure(2)
print(a.__qualname__, a.__qualname__ is b.__qualname__, a.__name__ is b.__name__)

# A renamed function gives its new names to the generators it makes; its code keeps the old ones.
def original():
    yield 0
original.__name__ = "renamed"
original.__qualname__ = "Somewhere.renamed"
r = original()
show("renamed", r)
print(repr(r).split(" at ")[0])


def decorate(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


@decorate
async def wrapped():
    return "w"

w = wrapped()
show("wrapped", w)
w.close()

# Setting the names afterwards, and the errors for non-strings.
g = plain()
g.__name__ = "new_name"
show("set name", g)
g.__qualname__ = "new.qualname"
show("set qualname", g)
print(repr(g).split(" at ")[0])
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 5)
    except TypeError as e:
        print(type(e).__name__, e)
next(g)
g.close()
show("closed", g)

# Closed before it started: it never ran, yet keeps its code.
g = plain()
g.close()
show("closed early", g)
print(g.gi_frame)

# An exception ends it: the code stays too.
def failing():
    yield 1
    raise ValueError("boom")

f = failing()
next(f)
try:
    next(f)
except ValueError as e:
    print("raised", e)
show("failed", f)
