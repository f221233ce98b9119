# Generator pipelines: chained generators and generator expressions.
def numbers(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def squared(xs):
    for x in xs:
        yield x * x

print(sum(squared(evens(numbers(2000000)))))
print(sum(x for x in range(2000000) if x % 3 == 0))
