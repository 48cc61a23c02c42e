# A cycle is only garbage once nothing outside it can reach it.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def ring(k):
    nodes = [Node(i) for i in range(k)]
    for i in range(k):
        nodes[i].edges.append(nodes[(i + 1) % k])
    return nodes[0]


gc.disable()
gc.collect()
holder = {"ring": ring(3)}
print("held by a dict:", gc.collect())
print("ring intact:", holder["ring"].edges[0].edges[0].edges[0] is holder["ring"])
del holder["ring"]
print("after del from dict:", gc.collect())
keep = ring(4)
entry = keep.edges[0].edges[0]
keep = None
print("held through an inner node:", gc.collect())
entry = None
print("after dropping it:", gc.collect())
outer = [ring(2)]
outer.append(outer)
del outer
print("cycle holding a cycle:", gc.collect())
gc.enable()
