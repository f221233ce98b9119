# Mixing ints and floats, true division and comparisons.
print(7 / 2, 8 / 2, -7 / 2, 1 / 8)
print(3 * 1.0, 2 ** 0.5, 10 ** -2, 4 ** 0.5)
print(1 == 1.0, 2**53 + 1 == float(2**53 + 1), 0.1 * 3 == 0.3)
print(10 / 3 * 3, 1e3, int(1e3), float(10**20))
print(divmod(7.5, 2), divmod(-7, 2.0))
print(sum([0.1] * 10), sum([1, 2.5, 3]))
