# Float reprs: shortest round-trip form.
print(0.1 + 0.2, 0.1 + 0.7, 1 / 3, 2 / 3)
print(1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e-4)
print(-0.0, 0.0 == -0.0, 1.5e300 * 1e10, -1e308 * 10)
print(float("inf"), float("-inf"), float("nan"))
print(3.0, 2.5e-7, 1e22, 1e21, 12.0 / 4)
print(repr(1.1), str(100.0), 1/7)
