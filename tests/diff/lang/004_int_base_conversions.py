# int() with a base, hex/bin/oct and underscores in literals.
print(int("ff", 16), int("0x1F", 16), int("777", 8), int("1010", 2))
print(int("  42  "), int("-17"), int("1_000_000"), int("z", 36))
print(hex(255), bin(10), oct(64), hex(-255))
print(1_000_000 + 0x10 + 0o17 + 0b101)
print(int(3.99), int(-3.99), int(True))
print(int("12", base=5))
