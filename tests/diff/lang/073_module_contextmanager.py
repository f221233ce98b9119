# contextlib.contextmanager: setup/teardown and exception handling.
from contextlib import contextmanager

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

@contextmanager
def ignoring(exc_type):
    try:
        yield
    except exc_type as e:
        print("ignored", repr(e))

with tag("div") as t:
    print("inside", t)
    with tag("p"):
        print("text")
with ignoring(KeyError):
    {}["x"]
print("after")
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
