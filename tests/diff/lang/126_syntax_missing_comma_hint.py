# SyntaxError: invalid syntax. Perhaps you forgot a comma?
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
items = [1 2 3]
print(items)
