# Instance attributes live inline (no dict) until __dict__ is asked for;
# then the dict is a real object that the collector counts.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
n = Node(1)
n.edges.append(n)
del n
print("node + list:", gc.collect())
n = Node(2)
d = n.__dict__
print(sorted(d))
n.edges.append(n)
del n, d
print("node + list + dict:", gc.collect())
m = Node(3)
m.me = m
del m
print("attribute cycle (node + its empty list):", gc.collect())
gc.enable()
