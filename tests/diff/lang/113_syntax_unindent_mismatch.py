# IndentationError: unindent does not match any outer indentation level
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
def f():
        x = 1
    return x
