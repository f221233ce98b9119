# List methods.
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.insert(0, 0); print(a)
print(a.pop(), a.pop(0), a)
a.remove(1); print(a)
print(a.index(5), a.count(1))
a.reverse(); print(a)
a.sort(); print(a)
b = a.copy(); b.clear(); print(a, b)
print([1, 2] * 3, [1] + [2, 3], [[]] * 2)
