# Dict methods and insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3; d["b"] = 20
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.setdefault("e", 5), d)
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2); print(d)
print("b" in d, len(d), dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0))
del d["x"]; print(d)
print({**d, "q": 9}, d | {"b": 0})
