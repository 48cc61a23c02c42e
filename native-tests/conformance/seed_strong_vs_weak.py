# Strong edges leak until gc.collect(); weak edges do not.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def build(strong):
    n1 = Node(1)
    n2 = Node(2)
    if strong:
        n1.edges.append(n2)
        n2.edges.append(n1)
    else:
        n1.edges.append(weakref.ref(n2))
        n2.edges.append(weakref.ref(n1))
    return weakref.ref(n1), weakref.ref(n2)


gc.disable()
gc.collect()
for strong in (True, False):
    r1, r2 = build(strong)
    print("strong" if strong else "weak", "edges:")
    print("  alive after return:", r1() is not None, r2() is not None)
    print("  gc.collect():", gc.collect())
    print("  alive after collect:", r1() is not None, r2() is not None)
gc.enable()
