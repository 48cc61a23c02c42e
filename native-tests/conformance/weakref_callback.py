# weakref.ref(obj, callback): the callback gets the dead weak reference.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


events = []


def gone(ref):
    events.append("gone")
    print("callback: ref is dead:", ref() is None)
    print("callback: it is our ref:", ref is r1)


n = Node(1)
r1 = weakref.ref(n, gone)
r2 = weakref.ref(n)
print("ref with callback is a new object:", r1 is not r2)
print("before del:", events)
del n
print("after del:", events)


def first(ref):
    print("first callback")


def second(ref):
    print("second callback")


m = Node(2)
a = weakref.ref(m, first)
b = weakref.ref(m, second)
del m
print("callbacks run newest first")
k = Node(3)
dropped = weakref.ref(k, gone)
del dropped
del k
print("a dropped ref never calls back:", events)
