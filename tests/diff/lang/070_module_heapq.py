# heapq: push, pop, heapify, nsmallest, tuples.
import heapq
h = []
for x in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 0, 3]
heapq.heapify(data); print(data)
print(heapq.nsmallest(3, [5, 2, 8, 1]), heapq.nlargest(2, [5, 2, 8, 1]))
tasks = []
heapq.heappush(tasks, (2, "write")); heapq.heappush(tasks, (1, "plan")); heapq.heappush(tasks, (3, "ship"))
while tasks:
    print(heapq.heappop(tasks))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
