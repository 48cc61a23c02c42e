# Listing 2 with callbacks: weak edges let reference counting free at once.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


freed = []


def on_free(ref):
    freed.append(ref)


def build_weak_cycle():
    n1 = Node(1)
    n2 = Node(2)
    n1.edges.append(weakref.ref(n2))
    n2.edges.append(weakref.ref(n1))
    print("inside: n1 -> n2 alive:", n1.edges[0]() is n2)
    print("inside: n2 -> n1 alive:", n2.edges[0]() is n1)
    return weakref.ref(n1, on_free), weakref.ref(n2, on_free)


gc.disable()
gc.collect()
ref1, ref2 = build_weak_cycle()
print("freed on return:", len(freed))
print("callbacks got our refs:", freed[0] is ref1, freed[1] is ref2)
print("Node 1 still alive:", ref1() is not None)
print("Node 2 still alive:", ref2() is not None)
print("nothing left for the collector:", gc.collect())
gc.enable()
