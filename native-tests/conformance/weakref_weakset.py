# WeakSet holds members weakly.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
s = weakref.WeakSet()
nodes = [Node(i) for i in range(5)]
for n in nodes:
    s.add(n)
s.add(nodes[0])
print("len:", len(s))
print("members:", sorted(n.value for n in s))
print(nodes[2] in s, Node(9) in s)
del n
del nodes[1:3]
print("after dropping two:", len(s), sorted(x.value for x in s))
s.discard(nodes[0])
print("after discard:", len(s))
nodes.clear()
print("all dropped:", len(s))
c = Node(10)
c.edges.append(c)
s.add(c)
del c
print("cycle member until collect:", len(s))
gc.collect()
print("after collect:", len(s))
gc.enable()
