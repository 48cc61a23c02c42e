# gc.get_objects: every tracked object, optionally one generation.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def has(seq, obj):
    return any(x is obj for x in seq)


gc.disable()
gc.collect()
n = Node(1)
small = (1, 2)
everything = gc.get_objects()
print("type:", type(everything).__name__)
print("node is there:", has(everything, n))
print("its edge list is there:", has(everything, n.edges))
print("ints are not:", has(everything, 12345))
print("empty dicts are not:", has(everything, {}))
del everything
print("node in generation 0:", has(gc.get_objects(0), n))
print("node in generation 2:", has(gc.get_objects(2), n))
gc.collect()
print("after collect, generation 0:", has(gc.get_objects(0), n))
print("after collect, generation 2:", has(gc.get_objects(2), n))
print("untracked tuple gone:", has(gc.get_objects(), small))
nodes = [o for o in gc.get_objects() if type(o) is Node]
print("Node instances:", len(nodes))
del nodes
try:
    gc.get_objects(5)
except ValueError as e:
    print(type(e).__name__, e)
gc.enable()
