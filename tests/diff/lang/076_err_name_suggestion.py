# NameError with a "Did you mean" suggestion.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
counter_total = 10
print("before")
print(counter_totl + 1)
