# The seed's Node class used as a small graph.
class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []

    def connect(self, other):
        self.edges.append(other)
        return self

    def __repr__(self):
        return "Node(" + str(self.value) + ")"


nodes = [Node(i) for i in range(5)]
nodes[0].connect(nodes[1]).connect(nodes[2])
nodes[1].connect(nodes[3])
nodes[2].connect(nodes[3])
nodes[3].connect(nodes[4]).connect(nodes[0])
print(nodes)
print([n.edges for n in nodes])


def reachable(start):
    seen = []
    todo = [start]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.append(n)
        for e in n.edges:
            todo.append(e)
    return sorted(x.value for x in seen)


print(reachable(nodes[4]), reachable(nodes[0]))
print(sum(len(n.edges) for n in nodes))
