# Very deep nesting is freed by reference counting without overflowing the
# C stack, and collected without trouble when it is part of a cycle.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
head = []
for i in range(100000):
    head = [head]
print("built")
head = None
print("freed a 100000-deep list chain")
first = Node(0)
cur = first
for i in range(1, 50000):
    nxt = Node(i)
    cur.edges.append(nxt)
    cur = nxt
watch_first = weakref.ref(first)
watch_last = weakref.ref(cur)
cur = nxt = None
print("still held by first:", watch_last() is not None)
first = None
print("freed a 50000-node chain:", watch_first() is None, watch_last() is None)
first = Node(0)
cur = first
for i in range(1, 1000):
    nxt = Node(i)
    cur.edges.append(nxt)
    cur = nxt
cur.edges.append(first)
first = cur = nxt = None
print("collected a 1000-node ring:", gc.collect())
gc.enable()
