# Binary trees of depth 16: build a complete binary tree of TreeNode objects
# (131,071 nodes), count its nodes by walking it, and drop it (reference
# counting frees it at once); 10 times.
class TreeNode:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return TreeNode(None, None)
    return TreeNode(make(depth - 1), make(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


DEPTH = 16
TREES = 10
total = 0
for _ in range(TREES):
    total += count(make(DEPTH))
print("binary_trees_16:", TREES, "trees of depth", DEPTH, "with", total, "nodes in all")
