# __iter__ and __next__: a custom iterator.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
c = Countdown(2)
print(next(c), next(c), next(c, "empty"))
class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        yield from range(0, self.n, 2)
print(list(Range2(9)), sum(Range2(9)), 4 in Range2(9))
