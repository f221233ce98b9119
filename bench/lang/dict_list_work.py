# Dict and list work: counting, sorting with a key, comprehensions, membership.
counts = {}
for i in range(900000):
    key = i % 1000
    counts[key] = counts.get(key, 0) + 1
pairs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
squares = [x * x for x in range(900000) if x % 7 == 0]
seen = set(squares)
hits = sum(1 for x in range(100000) if x in seen)
print(len(pairs), pairs[0], len(squares), hits)
