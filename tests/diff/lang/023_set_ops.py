# Sets of small ints: operations and reprs (int sets are ordered deterministically).
a = {1, 2, 3, 4}; b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a <= {1, 2, 3, 4, 5}, a.isdisjoint({9}), 3 in a)
a.add(10); a.discard(1); a.remove(2); print(a)
print(set(), set([3, 1, 2]), frozenset({1, 2}))
print(sorted({"pear", "apple", "fig"}))
print(len({1, 1, 1, 2}), {x % 3 for x in range(10)})
