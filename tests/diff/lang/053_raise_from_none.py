# raise ... from None hides the context.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"no such key: {k}") from None

try:
    lookup({}, "a")
except LookupError as e:
    print("caught", e, e.__cause__, e.__suppress_context__, repr(e.__context__))
print("now uncaught:")
lookup({"b": 1}, "zzz")
