# ReferenceError from dead weakref proxies.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(1)
p = weakref.proxy(n)
print(p.value)
del n
for action in ("read", "write", "call"):
    try:
        if action == "read":
            p.value
        elif action == "write":
            p.value = 2
        else:
            p.edges.append(1)
    except ReferenceError as e:
        print(action, type(e).__name__, e)
print(isinstance(ReferenceError(), Exception))
try:
    raise ReferenceError("made by hand")
except ReferenceError as e:
    print(e)
