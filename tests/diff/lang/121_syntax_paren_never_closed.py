# SyntaxError: '(' was never closed
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
values = [1, 2, 3]
total = sum(values
print(total)
