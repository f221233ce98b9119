# sum, min, max with key and default, abs, divmod, pow.
print(sum([1, 2, 3]), sum([], 10), sum([[1], [2]], []), sum(range(101)))
print(min(3, 1, 2), max("apple", "pear", key=len), min([], default="empty"), max([4, 9, 2]))
print(max([("a", 3), ("b", 1)], key=lambda t: t[1]), min("hello"))
print(abs(-5), abs(-2.5), abs(3), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
