# Generator expressions are lazy and single-use.
gen = (x * x for x in range(5))
print(type(gen).__name__)
print(next(gen), next(gen), list(gen), list(gen))
print(sum(x for x in range(10) if x % 3 == 0))
print(max((len(w), w) for w in ["aa", "bbbb", "c"]))
def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i
g = (v * 10 for v in noisy(3))
print("created")
for v in g:
    print("consumed", v)
print(any(x > 2 for x in noisy(10)))
