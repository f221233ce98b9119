# __call__, __len__, __getitem__, __contains__ and __add__.
class Multiplier:
    def __init__(self, k): self.k = k
    def __call__(self, x): return x * self.k
class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __contains__(self, x): return x in self.items
    def __add__(self, other): return Bag(*(self.items + other.items))
    def __repr__(self): return f"Bag{tuple(self.items)}"
triple = Multiplier(3)
print(triple(7), callable(triple), callable(3), list(map(triple, [1, 2])))
b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[1:], 2 in b, 9 in b, b + Bag(4))
print(list(b), bool(Bag()), bool(b))
