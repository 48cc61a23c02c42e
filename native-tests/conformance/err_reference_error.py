# Uncaught ReferenceError from a dead proxy.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(5)
p = weakref.proxy(n)
print(p.value)
del n
print(p.value)
