# for/else, while/else, break and continue.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally", i)
for c in "abcdef":
    if c in "bd":
        continue
    if c == "f":
        break
    print("char", c)
else:
    print("not printed")
