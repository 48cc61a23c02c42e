# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being freed.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
print("garbage is a list:", type(gc.garbage).__name__, len(gc.garbage))
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node(1)
b = Node(2)
a.edges.append(b)
b.edges.append(a)
del a, b
print("collected:", gc.collect())
print("saved:", len(gc.garbage))
print("types:", sorted(type(o).__name__ for o in gc.garbage))
values = sorted(o.value for o in gc.garbage if type(o) is Node)
print("node values:", values)
# the saved objects are alive again; collecting does not find them
print("collect again:", gc.collect())
print("still saved:", len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("freed by clearing gc.garbage:", gc.collect())
print("garbage now:", gc.garbage)
gc.enable()
