# Closures created in a loop see the final value (late binding); default args capture early.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make(n):
    return lambda x: x * n
double, triple = make(2), make(3)
print(double(5), triple(5))
hs = []
for k in "abc":
    def h():
        return k
    hs.append(h)
print([h() for h in hs])
