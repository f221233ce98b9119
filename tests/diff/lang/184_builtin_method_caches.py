# Method calls on built-in objects through the VM's per-instruction cache: one call site that sees
# lists, deques and user classes in turn, and an instance attribute that shadows a method.
import collections


def push(container, item):
    container.append(item)              # one LOAD_ATTR (method form) for every container


class TracingList:
    def __init__(self):
        self.items = []

    def append(self, item):
        print("TracingList.append", item)
        self.items.append(item)

    def __repr__(self):
        return f"TracingList({self.items})"


class PlainList:
    def append(self, item):
        print("never called: the instance attribute comes first")


items = []
queue = collections.deque()
traced = TracingList()
shadowed = PlainList()
shadowed.append = lambda item: print("instance attribute called with", item)
for round_ in range(2):
    for target in (items, queue, traced, shadowed, items):
        push(target, round_)
print(items, list(queue), traced)


def get(mapping, key):
    return mapping.get(key, "missing")


print(get({"a": 1}, "a"), get(collections.OrderedDict(b=2), "b"), get({}, "a"))
try:
    push((), 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    list.append = None
except TypeError as e:
    print("TypeError:", e)
push(items, "after")
print(items)


def gen():
    received = yield "first"
    print("received", received)
    yield "second"


g = gen()
print(g.send(None), g.send("x"))
