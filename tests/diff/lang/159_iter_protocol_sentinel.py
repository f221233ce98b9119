# iter() over custom objects with __getitem__, and iterator exhaustion.
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares())
it = iter([1, 2, 3])
print(list(it), list(it))
r = iter(range(3))
print(next(r), list(r))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di), list(d.items())[::-1])
s = "xyz"
print([c for c in iter(s)], list(zip(*[iter("abcdef")] * 2)))
