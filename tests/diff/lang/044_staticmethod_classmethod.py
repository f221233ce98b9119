# classmethod, staticmethod and class attributes as counters.
class Counter:
    created = 0
    def __init__(self):
        Counter.created += 1
        self.id = Counter.created
    @classmethod
    def make_many(cls, n):
        return [cls() for _ in range(n)]
    @staticmethod
    def describe(x):
        return f"counter #{x.id}"
cs = Counter.make_many(3)
print([c.id for c in cs], Counter.created, Counter.describe(cs[1]))
class Sub(Counter):
    pass
s = Sub.make_many(2)
print(type(s[0]).__name__, Counter.created, s[1].id)
