# An LRU cache class built on dict insertion order.
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        value = self.data.pop(key)
        self.data[key] = value
        return value
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print("  evict", oldest)
            del self.data[oldest]
        self.data[key] = value
    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"

c = LRUCache(3)
for k in "abc":
    c.put(k, k.upper())
print(c)
print(c.get("a"), c.get("z"))
c.put("d", "D"); print(c)
c.put("c", "C2"); c.put("e", "E"); print(c)
def fib_cached(n, cache=LRUCache(100)):
    hit = cache.get(n)
    if hit is not None:
        return hit
    r = n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)
    cache.put(n, r)
    return r
print(fib_cached(80))
