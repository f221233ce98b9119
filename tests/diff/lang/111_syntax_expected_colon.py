# SyntaxError: expected ':'
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
print("never runs")
def broken(x)
    return x
