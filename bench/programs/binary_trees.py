# binary_trees: the Computer Language Benchmarks Game binary-trees (Hans Boehm's GCBench shape), trees as nested tuples; written for UnmanagedHeap


def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))


def check(tree):
    left, right = tree
    if left is None:
        return 1
    return 1 + check(left) + check(right)


MIN_DEPTH = 4
MAX_DEPTH = 16
stretch = MAX_DEPTH + 1
print("stretch tree of depth %d\t check: %d" % (stretch, check(make(stretch))))
long_lived = make(MAX_DEPTH)
for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
    iterations = 2 ** (MAX_DEPTH - depth + MIN_DEPTH)
    total = 0
    for _ in range(iterations):
        total += check(make(depth))
    print("%d\t trees of depth %d\t check: %d" % (iterations, depth, total))
print("long lived tree of depth %d\t check: %d" % (MAX_DEPTH, check(long_lived)))
