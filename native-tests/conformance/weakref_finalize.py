# weakref.finalize: alive, detach, and a callback that runs at most once.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def report(name, extra=""):
    print("finalizer for", name + extra)
    return name.upper()


a = Node(1)
fa = weakref.finalize(a, report, "a", extra=" (kw)")
print("alive:", fa.alive)
del a
print("alive after del:", fa.alive)
print("calling again:", fa())
b = Node(2)
fb = weakref.finalize(b, report, "b")
print("called by hand:", fb())
print("alive:", fb.alive)
print("second call:", fb())
del b
print("no finalizer output when b dies")
c = Node(3)
fc = weakref.finalize(c, report, "c")
print("detach:", fc.detach()[1:] == (report, ("c",), {}))
print("alive:", fc.alive)
print("detach again:", fc.detach())
del c
print("end")
