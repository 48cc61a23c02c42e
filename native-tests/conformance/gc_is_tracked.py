# Which objects the collector tracks.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


print("int:", gc.is_tracked(42))
print("float:", gc.is_tracked(1.5))
print("str:", gc.is_tracked("text"))
print("None:", gc.is_tracked(None))
print("bool:", gc.is_tracked(True))
print("list:", gc.is_tracked([]))
print("set:", gc.is_tracked(set()))
print("empty dict:", gc.is_tracked({}))
print("dict of atoms:", gc.is_tracked({"a": 1, "b": "x"}))
print("dict with a list:", gc.is_tracked({"a": []}))
print("instance:", gc.is_tracked(Node(1)))
print("class:", gc.is_tracked(Node))


def f():
    pass


print("function:", gc.is_tracked(f))
print("module:", gc.is_tracked(gc))
print("empty tuple:", gc.is_tracked(()))
d = {}
print("dict grows untracked:", gc.is_tracked(d))
d["k"] = 1
print("after int value:", gc.is_tracked(d))
d["l"] = []
print("after list value:", gc.is_tracked(d))
del d["l"]
print("after removing it:", gc.is_tracked(d))
