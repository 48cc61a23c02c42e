# gc.get_referrers: which tracked containers point at an object.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


def has(seq, obj):
    return any(x is obj for x in seq)


target = Node(1)
holder = [target]
other = {"t": target}
n2 = Node(2)
n2.edges.append(target)
refs = gc.get_referrers(target)
print("list holder:", has(refs, holder))
print("dict holder:", has(refs, other))
print("edge list:", has(refs, n2.edges))
print("the other node itself:", has(refs, n2))
print("unrelated list:", has(refs, [target][:0]))
holder.clear()
print("after clear:", has(gc.get_referrers(target), holder))
del other["t"]
print("after del:", has(gc.get_referrers(target), other))
lonely = Node(3)
ref_lists = [r for r in gc.get_referrers(lonely) if type(r) is list]
print("lists pointing at lonely:", len(ref_lists))
