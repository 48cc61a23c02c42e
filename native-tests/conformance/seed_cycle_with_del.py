# A finalizer shows when each node of the cycle actually dies.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []

    def __del__(self):
        print("freeing node", self.value)


def build_cycle():
    n1 = Node(1)
    n2 = Node(2)
    n1.edges.append(n2)
    n2.edges.append(n1)


def build_chain():
    n1 = Node(3)
    n2 = Node(4)
    n1.edges.append(n2)


gc.disable()
gc.collect()
print("build_chain:")
build_chain()
print("build_cycle:")
build_cycle()
print("returned; collecting")
print("collected:", gc.collect())
print("done")
gc.enable()
