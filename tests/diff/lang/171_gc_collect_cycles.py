# gc.collect() finds reference cycles, runs __del__ once, and reports how many objects it found.
import gc

print(gc.isenabled())
gc.collect()

a = []
a.append(a)
del a
print("list cycle:", gc.collect())

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

x, y = Node("x"), Node("y")
x.other, y.other = y, x
del x, y
print("before collect")
print("two nodes:", gc.collect())
print("nothing left:", gc.collect())

d = {}
d["self"] = d
t = (d,)
d["t"] = t
del d, t
print("dict and tuple:", gc.collect())

def make_closure_cycle():
    def inner():
        return inner
    return inner
f = make_closure_cycle()
del f
print("closure cycle:", gc.collect())

kept = Node("kept")
kept.other = kept
alias = kept
del kept
print("still referenced:", gc.collect())
print(alias.other is alias)

gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
for bad in [(3,), ("x",), (1, 2)]:
    try:
        gc.collect(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(gc.garbage)
del alias
print("last one:", gc.collect())
print("end")
