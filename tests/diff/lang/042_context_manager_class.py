# __enter__/__exit__: ordering, exception info, suppression.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with Tracker("a") as t:
    print("body", t.name)
with Tracker("outer"), Tracker("inner"):
    print("nested body")
with Tracker("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Tracker("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
