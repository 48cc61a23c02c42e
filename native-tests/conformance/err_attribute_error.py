# Uncaught AttributeError on an instance of a user class.
class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


n = Node(1)
print(n.value, n.edges)
print(n.missing)
