# generators: pyperformance's bm_generators — in-order walk of a balanced binary tree by recursive generators with `yield from`; written for UnmanagedHeap
# plus a pipeline of generator functions and generator expressions over the walk.


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(values):
    """A balanced tree over the sorted list `values`."""
    if not values:
        return None
    mid = len(values) // 2
    return Tree(build(values[:mid]), values[mid], build(values[mid + 1:]))


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x


def running_total(items):
    total = 0
    for x in items:
        total += x
        yield total


SIZE = 2 ** 15
tree = build(list(range(SIZE)))
ROUNDS = 15
for _ in range(ROUNDS):
    walked = list(tree)
    in_order = walked == list(range(SIZE))
    last = 0
    for last in running_total(evens(tree)):
        pass
    squares = sum(x * x for x in tree if x % 3 == 0)
print("generators: tree of", SIZE, "walked in order:", in_order, "; running total", last, "; squares", squares)
