# The seed's cycle: the nodes outlive build_cycle until the collector runs.
import gc
import ctypes


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build_cycle():
    n1 = Node(1)
    n2 = Node(2)
    n1.edges.append(n2)
    n2.edges.append(n1)
    return id(n1), id(n2)


gc.disable()
gc.collect()
id1, id2 = build_cycle()
a = ctypes.cast(id1, ctypes.py_object).value
b = ctypes.cast(id2, ctypes.py_object).value
print("node 1 value:", a.value)
print("node 2 value:", b.value)
print("1 -> 2:", a.edges[0] is b)
print("2 -> 1:", b.edges[0] is a)
print("edge lists:", len(a.edges), len(b.edges))
del a, b
# two Node instances and their two edge lists are unreachable
print("collected:", gc.collect())
print("again:", gc.collect())
gc.enable()
