from collections import deque, defaultdict
# Breadth-first search over a grid maze, the way puzzle solutions write it.
maze = [
    "S.#.....",
    ".##.###.",
    "....#...",
    ".##...#E",
]
rows, cols = len(maze), len(maze[0])
start = end = None
for r in range(rows):
    for c in range(cols):
        if maze[r][c] == 'S': start = (r, c)
        if maze[r][c] == 'E': end = (r, c)
dist = {start: 0}
prev = {}
q = deque([start])
while q:
    r, c = q.popleft()
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != '#' and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            prev[(nr, nc)] = (r, c)
            q.append((nr, nc))
print('steps:', dist[end])
path = [end]
while path[-1] != start:
    path.append(prev[path[-1]])
print(path[::-1])
by_dist = defaultdict(list)
for cell, d in dist.items():
    by_dist[d].append(cell)
print(sorted((d, len(cells)) for d, cells in by_dist.items())[:6])
window = deque(maxlen=3)
for x in [5, 1, 4, 2, 8, 7]:
    window.append(x)
    print(list(window), sum(window) / len(window))
