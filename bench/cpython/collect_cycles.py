# Collector throughput: build 500,000 two-Node cycles, drop them, then one
# gc.collect() finds them all (2 Nodes + 2 edge lists per cycle = 2,000,000).
# Automatic collection is disabled while building so that single call does the work.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build_cycle(i):
    n1 = Node(i)
    n2 = Node(i + 1)
    n1.edges.append(n2)
    n2.edges.append(n1)


N = 500000
gc.disable()
gc.collect()
for i in range(N):
    build_cycle(i)
collected = gc.collect()
gc.enable()
print("collect_cycles:", N, "cycles, gc.collect() returned", collected)
