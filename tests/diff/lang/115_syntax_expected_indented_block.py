# IndentationError: expected an indented block
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
def f():
return 1
