# sys.getrefcount counts its own argument as one extra reference.
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(1)
print("one name:", sys.getrefcount(n))
a = n
print("two names:", sys.getrefcount(n))
lst = [n]
print("plus a list slot:", sys.getrefcount(n))
d = {"k": n}
print("plus a dict value:", sys.getrefcount(n))
del a
lst.clear()
d.clear()
print("back:", sys.getrefcount(n))
fresh = [1, 2, 3]
print("fresh list:", sys.getrefcount(fresh))
print("temporary:", sys.getrefcount([]))
print("None:", sys.getrefcount(None))
print("True:", sys.getrefcount(True))
print("small int:", sys.getrefcount(5))


def inside(x):
    return sys.getrefcount(x)


print("argument inside a function:", inside(n))
n.edges.append(n)
print("self edge:", sys.getrefcount(n))
