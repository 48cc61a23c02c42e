# gc.get_referrers / gc.get_referents as graph-walking programs use them (objgraph style):
# who holds an object, what a container holds, and a backref chain to a module global.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


root = Node("root")
child = Node("child")
root.children.append(child)
holder = {"key": child}
pair = (child, 1)

# Who refers to child? Its parent's list, the dict and the tuple.
refs = gc.get_referrers(child)
kinds = sorted(type(r).__name__ for r in refs if not (type(r) is dict and "__name__" in r))  # not the module's globals
print("referrer kinds:", kinds)
print("list is a referrer:", any(r is root.children for r in refs))
print("dict is a referrer:", any(r is holder for r in refs))
print("tuple is a referrer:", any(r is pair for r in refs))

# What does a container refer to?
print("list referents:", [r is child for r in gc.get_referents(root.children)])
print("tuple referents:", sorted(type(r).__name__ for r in gc.get_referents(pair)))
print("dict referents:", sorted(repr(r) if isinstance(r, str) else type(r).__name__ for r in gc.get_referents(holder)))
print("instance referents include its class:", Node in gc.get_referents(child))
print("atomic objects have no referents:", gc.get_referents(1, "s", 2.5))

# Several objects at once.
both = gc.get_referents(root.children, pair)
print("referents of two containers:", len(both), sum(1 for r in both if r is child))


# A backref chain: walk referrers breadth first from child until a module-level name holds it.
def chain_to_global(obj, names):
    seen = {id(obj)}
    frontier = [(obj, [])]
    g = {"root": root, "holder": holder}
    while frontier:
        nxt = []
        for o, path in frontier:
            for name in names:
                if g[name] is o:
                    return [name] + path
            for r in gc.get_referrers(o):
                if id(r) in seen or r is frontier or r is nxt or type(r).__name__ == "frame":
                    continue
                seen.add(id(r))
                nxt.append((r, [type(r).__name__] + path))
        frontier = nxt
    return None


print("chain to root:", chain_to_global(child, ["root"]))
print("chain to holder:", chain_to_global(child, ["holder"]))

# A cycle: each node refers to the other; after the names go, only the collector frees them.
a = Node("a")
b = Node("b")
a.children.append(b)
b.children.append(a)
print("a's list refers to b:", b in gc.get_referents(a.children))
print("b is referred to by a's list:", any(r is a.children for r in gc.get_referrers(b)))
del a, b
print("collected:", gc.collect())
