# SyntaxError: positional argument follows keyword argument
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
def f(a, b):
    return a + b
print(f(a=1, 2))
