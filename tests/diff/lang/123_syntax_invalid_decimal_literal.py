# SyntaxError: invalid decimal literal
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
count = 3
total = 2count + 1
