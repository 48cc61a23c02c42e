# The first field of every object is its reference count (ob_refcnt).
import ctypes


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def rc(obj):
    # the argument adds no lasting reference: the count is read via the address
    return ctypes.c_ssize_t.from_address(id(obj)).value


n = Node(1)
addr = id(n)


def now():
    return ctypes.c_ssize_t.from_address(addr).value


print("one name:", now())
m = n
print("two names:", now())
lst = [n, n, n]
print("plus three list slots:", now())
d = {"a": n}
print("plus a dict value:", now())
t = (n,)
print("plus a tuple slot:", now())
del m
print("del m:", now())
lst.pop()
print("pop:", now())
lst = None
print("list dropped:", now())
d.clear()
t = None
print("back to one:", now())
e = Node(2)
n.edges.append(e)
print("edge target:", ctypes.c_ssize_t.from_address(id(e)).value)
