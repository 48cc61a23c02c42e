# gc.get_referents: what an object points to (in tp_traverse order).
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def has(seq, obj):
    return any(x is obj for x in seq)


def names(seq):
    return [type(x).__name__ for x in seq]


a = [1, 2]
b = {"k": a}
lst = [a, b, "s"]
refs = gc.get_referents(lst)
print("list, items visited last to first:", names(refs))
print(refs[2] is a, refs[1] is b)
print("dict with str keys visits values only:", names(gc.get_referents(b)))
print("dict with int keys visits keys too:", names(gc.get_referents({1: a})))
t = (a, b)
print("tuple:", names(gc.get_referents(t)), has(gc.get_referents(t), a))
s = {1, 2}
print("set of ints:", sorted(gc.get_referents(s)))
n = Node(5)
r = gc.get_referents(n)
print("instance refers to its class:", has(r, Node))
print("instance refers to value:", has(r, 5))
print("instance refers to edges:", has(r, n.edges))
print("ints refer to nothing:", gc.get_referents(12345))
print("empty list:", gc.get_referents([]))
print("two at once:", len(gc.get_referents(a, t)))
