# str.format with positional, keyword and indexed fields.
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {1[x]}".format([10, 20], {"x": "ex"}))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {!r}".format(2 / 3, 10**7, "q"))
print("%s and %d and %.2f" % ("old", 5, 1.5))
