# WeakValueDictionary drops entries whose values die.
import gc
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
cache = weakref.WeakValueDictionary()
a = Node(1)
b = Node(2)
cache["a"] = a
cache["b"] = b
cache[3] = Node(3)
print("len:", len(cache))
print(sorted(k for k in cache.keys() if type(k) is str))
print("get a:", cache["a"].value, cache.get("zz"))
print("in:", "a" in cache, 3 in cache)
del a
print("after del a:", len(cache), "a" in cache)
try:
    cache["a"]
except KeyError as e:
    print(type(e).__name__, e)
c = Node(4)
c.edges.append(c)
cache["c"] = c
del c
print("cycle still there:", len(cache))
gc.collect()
print("after collect:", len(cache), sorted(cache.keys()))
print(cache.pop("b").value, len(cache))
gc.enable()
