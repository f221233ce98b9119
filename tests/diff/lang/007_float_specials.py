# inf and nan arithmetic and comparisons.
inf = float("inf"); nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(max(1.0, 2.0), min(-0.0, 0.0), abs(-inf))
print(1e308 * 10, -1e308 * 10, 2.0 ** 0.5)
print(float("1e500"), float("-1e-500"))
print(nan is nan, [nan] == [nan], inf == inf, int(-2.5), -2.5 // 1, 16 ** 0.5)
