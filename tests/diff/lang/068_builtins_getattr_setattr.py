# getattr, setattr, hasattr, delattr, vars.
class Box:
    color = "red"
b = Box()
setattr(b, "size", 3)
print(getattr(b, "size"), getattr(b, "color"), getattr(b, "nope", "fallback"))
print(hasattr(b, "size"), hasattr(b, "weight"))
delattr(b, "size"); print(hasattr(b, "size"))
for name in ["a", "b"]:
    setattr(b, name, name * 2)
print(vars(b), b.a)
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
