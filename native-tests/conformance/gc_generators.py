# Generators and the heap: a suspended generator's locals keep their objects alive, the
# generator is GC-tracked, and an unreachable generator in a cycle is collected (its
# finally block runs first, as CPython's generator finalizer closes it).
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name


def holder(name):
    node = Node(name)
    yield weakref.ref(node)
    yield "second"


g = holder("held")
r = next(g)
print(r() is not None, r().name)
print(gc.is_tracked(g))
next(g)
print("still alive while suspended:", r() is not None)
g.close()
print("freed on close:", r() is None)

g = holder("exhausted")
r = next(g)
print(list(g), r() is None)

g = holder("dropped")
r = next(g)
del g
print("freed on del:", r() is None)


def keeps(obj):
    yield obj
    yield obj


n = Node("counted")
print(sys.getrefcount(n))
k = keeps(n)
print(sys.getrefcount(n))
next(k)
print(sys.getrefcount(n))
print(n in gc.get_referents(k))
k.close()
print(sys.getrefcount(n))
del k

gc.collect()


def self_cycle():
    me = yield "started"
    yield me


c = self_cycle()
next(c)
c.send(c)
wc = weakref.ref(c)
del c
print("cycle alive before collect:", wc() is not None)
print("collected:", gc.collect())
print("cycle gone:", wc() is None)


def guarded(node):
    try:
        yield node.name
    finally:
        print("finally of", node.name, "during collection")


n = Node("in-cycle")
n.gen = guarded(n)
print(next(n.gen))
wn = weakref.ref(n)
del n
print("collected:", gc.collect())
print("node gone:", wn() is None)


def unstarted(node):
    try:
        yield node
    finally:
        print("never printed: the body never started")


n = Node("unstarted")
n.gen = unstarted(n)
del n
print("collected:", gc.collect())


def loop_over(items):
    for item in items:
        yield item


items = [Node("loop")]
lg = loop_over(items)
next(lg)
items.append(lg)
wl = weakref.ref(lg)
del items, lg
print("collected:", gc.collect())
print("loop cycle gone:", wl() is None)


def delegating(items):
    yield from items


items = [1, 2]
dg = delegating(items)
next(dg)
items.append(dg)
wd = weakref.ref(dg)
del items, dg
print("collected:", gc.collect())
print("delegate cycle gone:", wd() is None)
print("done")
