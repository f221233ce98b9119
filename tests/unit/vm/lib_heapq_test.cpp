// heapq: Python snippets run by the VM, compared with what CPython 3.13 printed for them.
#include "tests/unit/vm/lib_testing.hpp"

using ll::vm::testing::check_program;

TEST_CASE("heapq match CPython 3.13") {
    check_program(R"PY(import heapq
h = []
for x in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = [9, 4, 7, 1, 8, 2, 2, 3]
heapq.heapify(h); print(h)
print(heapq.heapreplace(h, 5), h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 6), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
print(heapq.nlargest(2, ['aa', 'b', 'cccc'], key=len), heapq.nsmallest(0, [1]))
class T:
    def __init__(self, when, name):
        self.when = when
        self.name = name
    def __lt__(self, other):
        return self.when < other.when
for n in range(2, 11):
    heap = []
    for i in range(n):
        heapq.heappush(heap, T(1.0, i))
    print(n, [heapq.heappop(heap).name for _ in range(n)])
heap = []
for i, w in enumerate([3, 1, 3, 2, 1, 3, 1]):
    heapq.heappush(heap, T(w, i))
print([heapq.heappop(heap).name for _ in range(len(heap))])
big = [T((i * 7919) % 13, i) for i in range(60)]
heapq.heapify(big)
print([heapq.heappop(big).name for _ in range(60)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
h = [(2, 'b'), (1, 'a'), (1, 'c')]
heapq.heapify(h); print(h, heapq.heappop(h))
import random
rng = random.Random(2024)
heap = []
log = []
serial = 0
for step in range(400):
    if heap and rng.random() < 0.4:
        log.append(heapq.heappop(heap).name)
    else:
        heapq.heappush(heap, T(rng.randint(0, 4) * 0.5, serial))
        serial += 1
while heap:
    log.append(heapq.heappop(heap).name)
print(len(log), log[:40], sum(i * v for i, v in enumerate(log)))
items = [T(rng.randint(0, 3), i) for i in range(300)]
heapq.heapify(items)
print([heapq.heappop(items).name for _ in range(30)])
)PY",
                  R"OUT([1, 3, 2, 5, 9, 8]
[1, 2, 3, 5, 8, 9]
[1, 3, 2, 4, 8, 2, 7, 9]
1 [2, 3, 2, 4, 8, 5, 7, 9]
0 [2, 3, 2, 4, 8, 5, 7, 9]
2 [2, 3, 5, 4, 8, 6, 7, 9]
[9, 8, 5] [1, 3]
['cccc', 'aa'] []
2 [0, 1]
3 [0, 1, 2]
4 [0, 2, 1, 3]
5 [0, 2, 4, 1, 3]
6 [0, 2, 5, 4, 1, 3]
7 [0, 2, 5, 6, 4, 1, 3]
8 [0, 2, 6, 5, 7, 4, 1, 3]
9 [0, 2, 6, 8, 5, 7, 4, 1, 3]
10 [0, 2, 6, 9, 8, 5, 7, 4, 1, 3]
[1, 6, 4, 3, 5, 0, 2]
[13, 26, 52, 0, 39, 59, 46, 20, 33, 7, 14, 27, 53, 1, 40, 47, 21, 8, 34, 2, 28, 54, 41, 15, 48, 22, 9, 35, 55, 29, 42, 3, 16, 49, 23, 10, 36, 30, 4, 43, 56, 17, 50, 11, 24, 37, 5, 18, 44, 57, 31, 12, 51, 25, 38, 32, 58, 19, 45, 6]
IndexError: index out of range
TypeError: heappush() argument 1 must be list, not tuple
IndexError: index out of range
[(1, 'c'), (2, 'b')] (1, 'a')
233 [0, 1, 3, 8, 10, 6, 12, 14, 7, 15, 9, 2, 21, 19, 23, 26, 22, 27, 28, 24, 29, 18, 25, 16, 11, 32, 13, 33, 4, 31, 35, 36, 38, 34, 37, 5, 41, 17, 40, 39] 3894602
[251, 125, 14, 6, 250, 249, 61, 123, 122, 244, 29, 240, 59, 35, 289, 237, 116, 231, 13, 143, 228, 56, 223, 110, 219, 217, 106, 208, 207, 205]
)OUT");
}
