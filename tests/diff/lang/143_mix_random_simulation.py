# A seeded random simulation: dice statistics and a random walk.
import random
random.seed(2024)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
counts = {s: rolls.count(s) for s in range(2, 13)}
for s, n in counts.items():
    print(f"{s:2d} {n:4d} " + "*" * (n // 10))
pos = 0; path = []
for _ in range(20):
    pos += random.choice((-1, 1))
    path.append(pos)
print(path, max(path), min(path))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:5], round(random.uniform(0, 10), 6), random.random())
