# while loops: Collatz sequences and digit manipulation.
def collatz(n):
    steps = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps.append(n)
    return steps
print(collatz(6))
print(max(range(1, 1000), key=lambda k: len(collatz(k))))
n = 9876543210; digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits, sum(digits))
x = 1.0; k = 0
while x + 1.0 != x:
    x *= 2; k += 1
print(k, x)
