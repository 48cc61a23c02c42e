# CPython's side of bench/UnmanagedHeap.Bench's --rss-per-node: growth of the resident set
# while 1e6 Nodes, each with a one-edge list pointing at the next Node, are built and held
# by one root list. Run: PYENV_VERSION=3.12.1 python3 bench/cpython/rss_per_node.py
import gc
import os

gc.disable()


class Node:
    def __init__(self, value, edges):
        self.value = value
        self.edges = edges


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


N = 1_000_000
before = resident_bytes()
root = []
previous = None
for i in range(N):
    node = Node(i, [])
    root.append(node)
    if previous is not None:
        previous.edges.append(node)
    previous = node
after = resident_bytes()
print(f"resident bytes per live Node (one-edge list), {N} Nodes: {(after - before) / N:.1f} B")
