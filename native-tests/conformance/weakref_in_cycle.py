# Weak references to objects in a garbage cycle are cleared by the collector,
# and their callbacks run during the collection.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


log = []


def died(ref):
    log.append("callback")


gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.edges.append(b)
b.edges.append(a)
wa = weakref.ref(a, died)
wb = weakref.ref(b)
del a, b
print("alive:", wa() is not None, wb() is not None, log)
print("collected:", gc.collect())
print("cleared:", wa() is None, wb() is None, log)
c = Node(3)
c.edges.append(weakref.ref(c))
del c
print("weak self-edge, freed by refcount; collect finds:", gc.collect())
gc.enable()
