# Comprehension details: nested, conditional expressions, dict inversion.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([n for row in matrix for n in row if n % 2 == 0])
print([[n if n % 2 else -n for n in row] for row in matrix])
colors = {"red": 1, "green": 2, "blue": 3}
print({v: k for k, v in colors.items()})
print({k: v for k, v in colors.items() if v > 1})
print(sorted({len(k) for k in colors}))
print([(x, y) for x in range(3) for y in range(3) if x != y][:4])
print(sum(1 for line in ["a", "", "b"] if line))
base = 10
print([base + i for i in range(3)])
