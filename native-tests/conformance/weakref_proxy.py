# weakref.proxy forwards attribute access; a dead proxy raises ReferenceError.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []

    def double(self):
        return self.value * 2


n = Node(21)
p = weakref.proxy(n)
print(type(p).__name__)
print(p.value, p.double())
p.value = 5
print("writes go through:", n.value)
p.edges.append(1)
print(n.edges)
print("getweakrefcount:", weakref.getweakrefcount(n))
del n
try:
    p.value
except ReferenceError as e:
    print(type(e).__name__, e)
try:
    p.double()
except ReferenceError as e:
    print(type(e).__name__, e)
try:
    p.value = 1
except ReferenceError as e:
    print(type(e).__name__, e)
