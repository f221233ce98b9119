# Large ints in f-strings and conversions.
big = 3 ** 80
print(big, f"{big:,}", f"{big:_}", len(str(big)))
print(f"{2**64:x}", f"{2**64:#o}", hex(2**70), bin(2**10))
print(str(10**25)[::5], int("9" * 30) + 1)
print(f"{-big:>50}")
print(f"{12345678901234567890:e}", float(2**80), 2**80 / 3)
print(int("1" * 25, 2), int("z" * 10, 36))
