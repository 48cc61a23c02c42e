# Reference counts along the seed's story, read from the object header.
import ctypes
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def refcnt(address):
    return ctypes.c_ssize_t.from_address(address).value


def build_cycle():
    n1 = Node(1)
    n2 = Node(2)
    print("n1 after creation:", refcnt(id(n1)))
    n1.edges.append(n2)
    print("n2 after n1 -> n2:", refcnt(id(n2)))
    n2.edges.append(n1)
    print("n1 after n2 -> n1:", refcnt(id(n1)))
    print("getrefcount(n1):", sys.getrefcount(n1))
    return id(n1), id(n2)


id1, id2 = build_cycle()
# the local names are gone; each node is held only by the other's edge list
print("n1 after return:", refcnt(id1))
print("n2 after return:", refcnt(id2))
keep = ctypes.cast(id1, ctypes.py_object).value
print("n1 with a new name:", refcnt(id1))
print("getrefcount(keep):", sys.getrefcount(keep))
del keep
print("n1 after del keep:", refcnt(id1))
# break the cycle by hand so both go by reference counting
ctypes.cast(id1, ctypes.py_object).value.edges.clear()
print("n2 after the edge is cut: freed")
