# DEBUG_LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL: every unreachable object
# is reported on stderr (with addresses, not compared) and kept in gc.garbage.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
a = Node(1)
b = Node(2)
a.edges.append(b)
b.edges.append(a)
del a, b
print("collected:", gc.collect())
print("kept:", sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("freed after clearing:", gc.collect())
raise RuntimeError("end of leak report")
