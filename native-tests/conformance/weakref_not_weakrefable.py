# Which objects accept weak references.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def f():
    pass


for obj in (1, "s", (1, 2), [1], {"a": 1}, None, 1.5):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(type(e).__name__, e)
for obj in (Node(1), f, Node, set()):
    r = weakref.ref(obj)
    print(type(obj).__name__, "ok", r() is obj)
