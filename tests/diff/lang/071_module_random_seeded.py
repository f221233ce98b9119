# random with a seed: Mersenne Twister outputs must match exactly.
import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.choice("abcdef"), random.choice([10, 20, 30]))
items = list(range(10)); random.shuffle(items); print(items)
print(random.uniform(1, 2), random.randrange(0, 100, 5))
random.seed("text seed"); print(random.random())
random.seed(0); print(random.sample(range(100), 5))
