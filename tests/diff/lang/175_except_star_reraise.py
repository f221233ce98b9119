# What an except* statement raises at its end: new exceptions alone or grouped, re-raised parts in the original's shape.
def show(label, f):
    try:
        f()
    except BaseException as e:
        print(label, repr(e), repr(e.__context__))

def new_one():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("r")

def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise

def naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise RuntimeError("r2")

def new_and_reraise():
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("r")
    except* TypeError:
        raise

def raise_match():
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise g

def two_new():
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError(1)
    except* TypeError:
        raise KeyError(2)

def handled_then_reraise():
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), KeyError("d")])
    except* ValueError:
        pass
    except* TypeError:
        raise

def with_notes():
    eg = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
    eg.add_note("a note")
    try:
        raise eg
    except* ValueError as g:
        print("match notes", g.__notes__, g.__notes__ is not eg.__notes__)
        raise

for f in (new_one, naked_reraise, naked_new, new_and_reraise, raise_match, two_new, handled_then_reraise, with_notes):
    show(f.__name__, f)
new_and_reraise()
