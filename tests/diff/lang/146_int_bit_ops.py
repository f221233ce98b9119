# Bitwise operators and shifts on ints, including big and negative ones.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-16 >> 2, -1 << 10, 1 << 100, (1 << 100) >> 98)
print(bin(a & b), (255).bit_length(), (2**100).bit_length(), bin(-8 & 0xFF))
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, bin(flags), [i for i in range(8) if flags >> i & 1])
print(7 & -7, -7 & 0xF, 6 ^ -1)
