# Nested try blocks, bare raise and re-raise with a different type.
def parse(s):
    try:
        return int(s)
    except ValueError:
        print("parse failed for", repr(s))
        raise

def safe(s):
    try:
        return parse(s)
    except ValueError as e:
        print("outer handler:", e)
        return -1

print(safe("12"), safe("zz"))
try:
    try:
        {}["missing"]
    except KeyError as e:
        print("inner", repr(e))
        raise RuntimeError("converted") from e
except RuntimeError as e:
    print("outer", e, "cause:", repr(e.__cause__))
