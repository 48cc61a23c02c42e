# weakref.ref: calling it gives the object while it lives, None afterwards.
import weakref
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(7)
r = weakref.ref(n)
print(type(r).__name__)
print(r() is n, r().value)
print("refcount unchanged:", sys.getrefcount(n))
r2 = weakref.ref(n)
print("refs without callback are shared:", r is r2)
print("equal while alive:", r == r2)
del n
print("after del:", r())
print("dead refs:", r() is None, r2() is None)
m = Node(8)
rm = weakref.ref(m)
print("different referents differ:", rm == r, rm != r)
m2 = m
del m
print("still alive through m2:", rm() is m2)
del m2
print("now:", rm())
