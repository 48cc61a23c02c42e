# Exercise 5: fix a leak with weak references. The tree must still know each node's parent.
import gc

gc.disable()


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self.parent = parent
        if parent is not None:
            parent.children.append(self)


def render():
    doc = Node("doc")
    section = Node("section", doc)
    leaf = Node("text", section)
    assert leaf.parent is section and section.parent is doc
    print("parent ok")


render()
