# ValueError from int('x') and friends.
for s in ["10", "0x10", " 7 ", "3.5", "x", ""]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "->", e)
print(int("12abc"))
