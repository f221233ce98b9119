# SyntaxError: 'return' outside function
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
x = 3
if x > 2:
    return x
