# IndentationError: unexpected indent
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
x = 1
    y = 2
print(x, y)
