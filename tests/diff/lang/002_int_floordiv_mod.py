# Floor division and modulo with negative operands.
for a in (7, -7, 13, -13, 0):
    for b in (3, -3, 5):
        print(a, b, a // b, a % b, divmod(a, b))
print(-(2**70) // 3, -(2**70) % 3)
print(7.5 // 2, -7.5 // 2, 7.5 % -2)
