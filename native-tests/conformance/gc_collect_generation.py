# gc.collect(generation): survivors move to older generations.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def make_cycle():
    a = Node(1)
    b = Node(2)
    a.edges.append(b)
    b.edges.append(a)
    return a


gc.disable()
gc.collect()
# garbage made after a full collection is in generation 0
make_cycle()
print("collect(0):", gc.collect(0))
# a reachable cycle survives collect(0) and moves to generation 1
keep = make_cycle()
print("collect(0) while reachable:", gc.collect(0))
keep = None
print("collect(0) after drop:", gc.collect(0))
print("collect(1):", gc.collect(1))
# survive two collections: now in generation 2
keep = make_cycle()
gc.collect(0)
gc.collect(1)
keep = None
print("collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
print("collect():", gc.collect())
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
gc.enable()
