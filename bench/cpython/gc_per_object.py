# The CPython side of bench/UnmanagedHeap.Bench's CollectorBenchmarks: gc.collect() time per
# object for N unreachable two-Node cycles (4 tracked objects each: two Nodes, two edge lists)
# and for a full collection over 1e6 live Nodes, each with a one-edge list (2e6 objects).
# Best of a few runs, automatic collection off. Run: PYENV_VERSION=3.12.1 python3 gc_per_object.py
import gc
import time

gc.disable()


class Node:
    def __init__(self, value, edges):
        self.value = value
        self.edges = edges


def build_cycles(n):
    for i in range(n):
        a = Node(i, [])
        b = Node(i + 1, [])
        a.edges.append(b)
        b.edges.append(a)


for n in (100_000, 1_000_000):
    best = float("inf")
    for _ in range(3):
        build_cycles(n)
        start = time.perf_counter()
        found = gc.collect()
        best = min(best, time.perf_counter() - start)
    print(f"collect {n} unreachable cycles: {best / (4 * n) * 1e9:.1f} ns per object ({found} found)")

root = []
previous = None
for i in range(1_000_000):
    node = Node(i, [])
    root.append(node)
    if previous is not None:
        previous.edges.append(node)
    previous = node
gc.collect()
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    gc.collect()
    best = min(best, time.perf_counter() - start)
print(f"collect over 1e6 live Nodes: {best / 2e6 * 1e9:.1f} ns per object")
