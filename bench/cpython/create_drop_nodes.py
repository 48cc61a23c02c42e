# Allocation throughput: create and drop 1,000,000 Node(i) objects, each with
# its own empty edge list. Reference counting frees every Node (and its list)
# as soon as the next iteration rebinds `n`; the cycle collector has nothing to do.
class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


N = 1000000
total = 0
for i in range(N):
    n = Node(i)
    total += n.value
del n
print("create_drop_nodes:", N, "nodes, sum of values", total)
