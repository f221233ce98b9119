# TypeError: can only concatenate str (not "int") to str.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
age = 30
message = "age: " + age
print(message)
