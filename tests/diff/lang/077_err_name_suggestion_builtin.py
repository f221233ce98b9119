# NameError suggesting a builtin.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
values = [3, 1, 2]
print(sorted(values))
prnit(sortd(values))
