import heapq
from collections import namedtuple
Edge = namedtuple('Edge', 'to weight')
graph = {
    'A': [Edge('B', 7), Edge('C', 9), Edge('F', 14)],
    'B': [Edge('A', 7), Edge('C', 10), Edge('D', 15)],
    'C': [Edge('A', 9), Edge('B', 10), Edge('D', 11), Edge('F', 2)],
    'D': [Edge('B', 15), Edge('C', 11), Edge('E', 6)],
    'E': [Edge('D', 6), Edge('F', 9)],
    'F': [Edge('A', 14), Edge('C', 2), Edge('E', 9)],
}
def dijkstra(src):
    best = {src: 0}
    heap = [(0, src)]
    order = []
    while heap:
        d, node = heapq.heappop(heap)
        if d > best.get(node, float('inf')):
            continue
        order.append(node)
        for e in graph[node]:
            nd = d + e.weight
            if nd < best.get(e.to, float('inf')):
                best[e.to] = nd
                heapq.heappush(heap, (nd, e.to))
    return best, order
best, order = dijkstra('A')
print(sorted(best.items()), order)
print(graph['A'][0], graph['A'][0].weight)
# A running top-3 with a bounded heap.
top = []
for score in [40, 12, 99, 3, 57, 88, 61]:
    if len(top) < 3:
        heapq.heappush(top, score)
    else:
        heapq.heappushpop(top, score)
    print(sorted(top, reverse=True))
tasks = [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee')]
heapq.heapify(tasks)
while tasks:
    print(heapq.heappop(tasks))
