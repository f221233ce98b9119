# and/or return operands; short-circuit evaluation; truthiness.
def t(x):
    print("eval", x); return x
print(t(0) and t(1))
print(t(2) and t(3))
print(t(0) or t("") or t("last"))
print(t(None) or t([]))
print(not 0, not [1], [] or "default", 0 or None, "a" and "b")
print([x for x in [0, 1, "", "a", [], [0], None, {}] if x])
print(True + True, True * 10, False - 1, sum([True, True, False]))
