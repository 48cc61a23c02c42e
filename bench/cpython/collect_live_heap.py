# Collection over a live heap with nothing to free: build_live_heap.py's heap of
# 1,000,000 Nodes and their 1,000,000 edge lists (2,000,000 tracked objects, all
# reachable), then 10 full gc.collect() calls, each of which scans everything
# and frees nothing. bench/compare takes build_live_heap.py's time off.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


N = 1000000
COLLECTIONS = 10
gc.disable()
gc.collect()
nodes = []
previous = None
for i in range(N):
    node = Node(i)
    nodes.append(node)
    if previous is not None:
        previous.edges.append(node)
    previous = node
freed = 0
for _ in range(COLLECTIONS):
    freed += gc.collect()
print("collect_live_heap:", len(nodes), "live nodes,", COLLECTIONS, "collections freed", freed)
