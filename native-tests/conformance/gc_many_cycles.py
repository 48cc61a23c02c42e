# Counting several kinds of garbage in one collection.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
for i in range(10):
    a = Node(i)
    b = Node(i)
    a.edges.append(b)
    b.edges.append(a)
for i in range(5):
    x = []
    x.append(x)
for i in range(3):
    d = {}
    d[i] = d
a = b = x = d = None
print("10 node pairs, 5 lists, 3 dicts:", gc.collect())
print("nothing left:", gc.collect())
for i in range(100):
    n = Node(i)
    n.edges.append(n)
n = None
print("100 self-loops:", gc.collect(0))
gc.enable()
