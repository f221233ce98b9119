# SyntaxError: 'continue' not properly in loop
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
def f():
    continue
