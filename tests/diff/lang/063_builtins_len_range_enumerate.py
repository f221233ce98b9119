# len, range, enumerate, zip, reversed.
print(len([1, 2]), len("abc"), len({}), len(range(10)), len((1,)))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), range(3), range(1, 5, 2))
print(list(enumerate("abc")), list(enumerate("ab", start=1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), dict(zip("xy", (1, 2))))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("stressed")))
print(range(10)[2:5], range(10)[-1], 5 in range(10), range(0, 10, 2).index(4))
