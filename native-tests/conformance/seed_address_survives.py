# The address taken inside the function still names the same object afterwards,
# until the collector reclaims the cycle.
import ctypes
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build_cycle():
    n1 = Node(1)
    n2 = Node(2)
    n1.edges.append(n2)
    n2.edges.append(n1)
    return id(n1), id(n2), weakref.ref(n1)


gc.disable()
gc.collect()
id1, id2, watch = build_cycle()
obj = ctypes.cast(id1, ctypes.py_object).value
print("same object:", obj is watch())
print("id matches:", id(obj) == id1)
print("neighbour id matches:", id(obj.edges[0]) == id2)
print("type:", type(obj).__name__)
print("neighbour value:", obj.edges[0].value)
del obj
print("collected:", gc.collect())
print("weakref cleared:", watch() is None)
gc.enable()
