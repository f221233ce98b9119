# SystemExit via raise: status code and message.
setup = [3, 1, 2]
print("setup:", sorted(setup), len(setup))
def helper(x):
    return x * 2
print("exiting with a message")
raise SystemExit("fatal: configuration missing")
