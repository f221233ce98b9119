# SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
x = 3
if x = 3:
    print("three")
