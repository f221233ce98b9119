# assert with and without message.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x * 2
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare:", repr(e))
assert len("ab") == 3, "length mismatch"
