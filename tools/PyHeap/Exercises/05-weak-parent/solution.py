# Exercise 5, a solution: the upward reference is weak, so only parents keep children alive.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        self._parent = weakref.ref(parent) if parent is not None else None
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None


def render():
    doc = Node("doc")
    section = Node("section", doc)
    leaf = Node("text", section)
    assert leaf.parent is section and section.parent is doc
    print("parent ok")


render()
