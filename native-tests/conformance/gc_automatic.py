# With gc enabled and a low threshold, allocation triggers collections by itself.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.collect()
old = gc.get_threshold()
gc.set_threshold(10)
a = Node(1)
a.edges.append(a)
w = weakref.ref(a)
del a
print("alive right after del:", w() is not None)
junk = []
for i in range(200):
    junk.append(Node(i))
print("alive after many allocations:", w() is not None)
gc.disable()
b = Node(2)
b.edges.append(b)
w = weakref.ref(b)
del b
for i in range(200):
    junk.append(Node(i))
print("disabled: still alive:", w() is not None)
print("collected by hand:", gc.collect())
gc.enable()
gc.set_threshold(old[0], old[1], old[2])
