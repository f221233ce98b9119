# del of names, list items, dict keys and attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a = [1, 2, 3, 4]; del a[0]; del a[-1]; print(a)
d = {"a": 1, "b": 2}; del d["a"]; print(d)
class C: pass
c = C(); c.v = 1; print(c.v); del c.v
print(hasattr(c, "v"))
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
