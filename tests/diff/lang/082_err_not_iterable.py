# TypeError: 'int' object is not iterable.
total = 0
for ch in "123":
    total += int(ch)
print(total)
for n in total:
    print(n)
