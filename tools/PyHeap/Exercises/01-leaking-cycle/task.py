# Exercise 1: find the leaking cycle. Fix handle_request so that no Node outlives it.
import gc

gc.disable()  # the service turns the collector off for steady latency


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def handle_request(n):
    root = Node("root")
    for i in range(n):
        Node(f"child{i}", root)
    return len(root.children)


for _ in range(3):
    handle_request(2)
print("handled 3 requests")
