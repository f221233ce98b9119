# str, int, float, list, dict, set, tuple, bool conversions.
print(str(42), str(3.0), str([1, "a"]), str(None), str(True))
print(int("7"), int(7.9), float("2.5"), float(3), float("  -1e3 "))
print(list("abc"), list((1, 2)), list({"k": 1}), tuple([1, 2]), set([2, 2, 1]))
print(dict([("a", 1), ("b", 2)]), dict(a=1), bool(0), bool(""), bool([0]), bool(None))
print(repr(str(1.0)), type(3).__name__, type("s").__name__, type(None).__name__, type([]).__name__)
print(isinstance(True, int), isinstance(3, (str, float)), isinstance("s", str))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
