# Dijkstra's shortest paths with heapq.
import heapq
graph = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}}
def dijkstra(src):
    dist = {src: 0}; heap = [(0, src)]; order = []
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist[node]:
            continue
        order.append(node)
        for nxt, w in graph[node].items():
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist, order
dist, order = dijkstra("A")
print(dist); print(order)
print({k: v for k, v in sorted(dist.items(), key=lambda kv: kv[1])})
