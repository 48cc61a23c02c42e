# Many seed cycles: every cycle contributes two nodes and two lists.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build_cycle(i):
    n1 = Node(i)
    n2 = Node(-i)
    n1.edges.append(n2)
    n2.edges.append(n1)
    return weakref.ref(n1)


gc.disable()
gc.collect()
refs = [build_cycle(i) for i in range(25)]
print("alive before:", sum(1 for r in refs if r() is not None))
print("values:", [r().value for r in refs[:5]])
print("collected:", gc.collect())
print("alive after:", sum(1 for r in refs if r() is not None))
gc.enable()
