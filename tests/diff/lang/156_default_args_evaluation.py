# Default values are evaluated once; None as a sentinel.
def append_bad(x, into=[]):
    into.append(x); return into
def append_good(x, into=None):
    if into is None:
        into = []
    into.append(x); return into
print(append_bad(1), append_bad(2))
print(append_good(1), append_good(2))
counter = 10
def show(v=counter):
    return v
counter = 20
print(show(), show(5))
def kw(*, sep=", ", **rest):
    return sep.join(f"{k}={v}" for k, v in rest.items())
print(kw(a=1, b=2), kw(sep=";", z=0))
