# TypeError: 'int' object is not callable.
sum = 0
for x in range(3):
    sum += x
print(sum)
print(sum([1, 2]))
