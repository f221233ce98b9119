# A set that grows through many resizes must still find every member (probe order after resize).
squares = [x * x for x in range(900000) if x % 7 == 0]
seen = set(squares)
print(len(seen), sum(1 for x in range(100000) if x in seen))
print([k * k for k in range(0, 400, 7) if k * k not in seen])
frozen = frozenset(range(0, 300000, 3))
print(len(frozen), sum(1 for x in range(300000) if x in frozen))
