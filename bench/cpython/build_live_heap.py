# Baseline of collect_live_heap.py: the same live heap of 1,000,000 Nodes (each
# with a one-edge list, all held by one list), built the same way, and no
# collection. bench/compare subtracts this script's time from collect_live_heap.py's.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


N = 1000000
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
print("build_live_heap:", len(nodes), "live nodes")
