# DEBUG_COLLECTABLE names each collectable object on stderr (with addresses,
# so not compared); stdout and the final uncaught error are.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
a = Node(1)
a.edges.append(a)
del a
gc.set_debug(gc.DEBUG_COLLECTABLE)
n = gc.collect()
gc.set_debug(0)
print("collected:", n)
print("garbage kept:", len(gc.garbage))
raise RuntimeError("end of debug output")
