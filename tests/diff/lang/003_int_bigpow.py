# Big powers, three-argument pow and negative exponents.
print(pow(3, 100))
print(pow(3, 100, 1000007))
print(pow(2, -2), 2 ** -1)
print(pow(7, -1, 13))
print((-3) ** 3, -3 ** 2, (-2) ** 0.5 if False else "skip")
print(12345678901234567890 * 98765432109876543210)
print((10**40 + 1) - 10**40)
print(abs(-10**25), -(-10**25))
