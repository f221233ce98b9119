# Breadth-first search on a grid using collections.deque.
from collections import deque
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        "#.#...#E"]
rows, cols = len(grid), len(grid[0])
start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
dist = {start: 0}; prev = {}
q = deque([start])
while q:
    r, c = q.popleft()
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            prev[(nr, nc)] = (r, c)
            q.append((nr, nc))
end = (3, 7)
print("distance:", dist[end], "visited:", len(dist))
path = [end]
while path[-1] != start:
    path.append(prev[path[-1]])
print(path[::-1])
canvas = [list(row) for row in grid]
for r, c in path[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
