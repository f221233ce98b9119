# SyntaxError: Missing parentheses in call to 'print'.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
print "hello"
