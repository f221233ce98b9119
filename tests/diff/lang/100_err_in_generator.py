# An exception raised inside a generator shows the generator frame.
def numbers(limit):
    for i in range(limit):
        yield 10 // (3 - i)
for v in numbers(5):
    print(v)
