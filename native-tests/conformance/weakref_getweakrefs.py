# getweakrefcount and getweakrefs.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(1)
print(weakref.getweakrefcount(n), weakref.getweakrefs(n))
r1 = weakref.ref(n)
print(weakref.getweakrefcount(n))
r2 = weakref.ref(n)
print("shared ref:", weakref.getweakrefcount(n))
r3 = weakref.ref(n, lambda ref: None)
print("with callback:", weakref.getweakrefcount(n))
p = weakref.proxy(n)
print("with proxy:", weakref.getweakrefcount(n))
refs = weakref.getweakrefs(n)
print(len(refs), any(x is r1 for x in refs), any(x is r3 for x in refs))
del r3
print("after del r3:", weakref.getweakrefcount(n))
del refs
print("non-weakrefable:", weakref.getweakrefcount(5), weakref.getweakrefs(5))
del n
print("dead:", r1(), weakref.getweakrefcount(r1))
