# KeyError, caught and uncaught.
prices = {"apple": 1.5, "pear": 2.0}
print(prices["apple"])
try:
    prices["kiwi"]
except KeyError as e:
    print("caught", e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print("caught tuple key", e)
print(prices["banana"])
