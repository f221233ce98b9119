# Each generator keeps its own "exception being handled" across a yield: sys.exc_info() and
# sys.exception() inside it see its except block, the caller's state comes back when it
# yields, and a bare raise or a new exception's __context__ uses the generator's own.
import sys


def handled():
    e = sys.exception()
    info = sys.exc_info()
    return (repr(e), info[0].__name__ if info[0] else None, info[1] is e)


def keeps_state():
    try:
        raise KeyError("inside")
    except KeyError:
        yield ("in except", handled())
        yield ("after resume", handled())
        try:
            raise
        except KeyError as again:
            yield ("bare raise", repr(again))
    yield ("after the block", handled())


g = keeps_state()
print(next(g))
print("caller:", handled())
try:
    raise ValueError("caller's")
except ValueError:
    print(next(g))
    print("caller while handling:", handled())
print(next(g))
print(next(g))


def chains():
    try:
        raise OSError("first")
    except OSError:
        yield "waiting"
        raise RuntimeError("second")


g = chains()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("context:", repr(e.__context__))


def catches_thrown():
    try:
        yield "ready"
    except LookupError:
        yield ("thrown in", handled())
        yield ("still", handled())


g = catches_thrown()
next(g)
try:
    raise TypeError("outside")
except TypeError:
    print(g.throw(IndexError("thrown")))
print(next(g))
print("outside again:", handled())
g.close()
print("closed:", handled())
