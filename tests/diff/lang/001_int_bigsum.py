# Arbitrary-precision ints: a big sum of squares and powers of two.
print(sum(i*i for i in range(10**6)))
print(2**200)
print(2**64 - 1, -(2**63))
print(10**30 // 7, 10**30 % 7)
x = 1
for i in range(1, 31):
    x *= i
print("30! =", x)
print(len(str(2**1000)))
