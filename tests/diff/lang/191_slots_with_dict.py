# Slotted classes that also allow a __dict__ (asyncio's Future, Task and Handle are): the dict
# appears on the first store, survives slot writes, and goes with the instance, cycles included.
# Also the order in which a list or a tuple drops its items (their finalizers show it).
import gc


class Point:
    __slots__ = ("x", "y", "__dict__")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.__dict__, vars(p))
p.label = "origin"
p.x = 10
print(p.x, p.y, p.label, p.__dict__)
p.__dict__["extra"] = [1, 2]
print(p.extra, sorted(vars(p)))
del p.label
print(hasattr(p, "label"), p.__dict__)
try:
    del p.label
except AttributeError as e:
    print("AttributeError:", e)


class Tagged(Point):
    kind = "class attribute"


t = Tagged(3, 4)
print(t.kind, t.__dict__)
t.kind = "own"
print(t.kind, Tagged.kind, t.__dict__)
del t.kind
print(t.kind)


# A cycle through the dict of a slotted instance: the collector frees it.
class Node:
    __slots__ = ("name", "__dict__")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name, sorted(self.__dict__))


a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
a.tags = {"x": a}
del a, b
print("collected", gc.collect() > 0)

# Many instances, each with its own dict, created and dropped.
nodes = [Node(i) for i in range(12)]
for n in nodes[::3]:
    n.flag = n.name * 2
print(sum(n.flag for n in nodes if hasattr(n, "flag")), len(nodes))
nodes = None
print("done")

# A tuple drops its items last to first too.
pair = (Node("first"), Node("second"))
pair = None
print("end")
