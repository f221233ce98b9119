# chr, ord, hex, bin, oct, callable, hash equality.
print(chr(65), chr(97), chr(8364), ord("A"), ord("€"), [ord(c) for c in "hi"])
print(hex(3735928559), bin(255), oct(8), hex(0), bin(-5))
print(callable(print), callable(len), callable("x"), callable(lambda: 1))
print(hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"), hash(42) == 42, hash(True) == 1)
print(hash((1, 2)) == hash((1, 2)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
