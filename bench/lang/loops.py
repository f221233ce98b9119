# Loops: nested for/while loops with integer arithmetic and comparisons.
total = 0
for i in range(2000):
    j = 0
    while j < 1000:
        if (i + j) % 3 == 0:
            total += i * j
        j += 1
print(total)
