# Exercise 1, a solution: break the root <-> child cycle before the handler returns.
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
    count = len(root.children)
    # Each child's `parent` points back at the root: dropping the children list lets every
    # child's count reach zero, which releases its reference to the root in turn.
    root.children.clear()
    return count


for _ in range(3):
    handle_request(2)
print("handled 3 requests")
