# Sets of tuples and ints; membership and set algebra with sorted output.
visited = set()
for step in [(0, 0), (0, 1), (1, 1), (0, 1), (0, 0)]:
    print(step, "seen" if step in visited else "new")
    visited.add(step)
print(sorted(visited), len(visited))
evens = set(range(0, 20, 2)); threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes)[:4], len(evens | threes))
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, frozenset([1]) in {frozenset([1])})
s = {3, 1, 2}
s.update([5, 4]); print(s, s.pop(), s)
