# List, dict, set comprehensions and nested ones.
print([x * x for x in range(8) if x % 2])
print({x: x ** 2 for x in range(5)})
print({x % 4 for x in range(20)})
print([(i, j) for i in range(3) for j in range(i)])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print([c.upper() for c in "abc"], sum(x for x in range(101)))
print([y for x in [[1, 2], [3]] for y in x])
