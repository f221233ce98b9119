# TypeError: 'int' object is not subscriptable.
def first(x):
    return x[0]
print(first([5, 6]), first("ab"))
print(first(42))
