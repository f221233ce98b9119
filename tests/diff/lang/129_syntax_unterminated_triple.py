# SyntaxError: unterminated triple-quoted string literal
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
print("start")
doc = """this never
ends
