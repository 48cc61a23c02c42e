# sys.getrefcount sees one more reference than the header: its own argument.
import sys
import ctypes


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n1 = Node(1)
n2 = Node(2)
print(sys.getrefcount(n1), ctypes.c_ssize_t.from_address(id(n1)).value)
n1.edges.append(n2)
print(sys.getrefcount(n2), ctypes.c_ssize_t.from_address(id(n2)).value)
n2.edges.append(n1)
print(sys.getrefcount(n1), ctypes.c_ssize_t.from_address(id(n1)).value)
alias = n1
print(sys.getrefcount(n1))
del alias
print(sys.getrefcount(n1))
n1.edges.pop()
print(sys.getrefcount(n2))
n2.edges.clear()
print(sys.getrefcount(n1))
