# Matrix helpers with nested lists and comprehensions.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), transpose(a), identity(3))
m = a
for _ in range(10):
    m = matmul(m, a)
print(m)
for row in matmul([[1, 2, 3]], [[1], [2], [3]]):
    print(row)
print("\n".join(" ".join(f"{v:4d}" for v in row) for row in [[i * j for j in range(1, 6)] for i in range(1, 6)]))
