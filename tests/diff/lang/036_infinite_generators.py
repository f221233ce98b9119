# Infinite generators consumed with manual limits.
def naturals():
    n = 0
    while True:
        yield n
        n += 1

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for n in naturals():
    if n >= 8:
        break
    out.append(n)
print(out)
f = fib(); print([next(f) for _ in range(15)])
for i, v in enumerate(fib()):
    if v > 10**20:
        print("first fib over 1e20 at index", i, v)
        break
def take(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]
print(take(5, (x * x for x in naturals())))
