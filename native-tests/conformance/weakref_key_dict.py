# WeakKeyDictionary attaches data to objects without keeping them alive.
import weakref


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


notes = weakref.WeakKeyDictionary()
a = Node(1)
b = Node(2)
notes[a] = "first"
notes[b] = "second"
print(len(notes), notes[a], notes.get(b))
print(a in notes, Node(3) in notes)
print(sorted(v for v in notes.values()))
print(sorted(k.value for k in notes.keys()))
del a
print("after del a:", len(notes), sorted(notes.values()))
notes[b] = "changed"
print(notes[b], len(notes))
del notes[b]
print("after del notes[b]:", len(notes), b.value)
try:
    notes[5] = "x"
except TypeError as e:
    print(type(e).__name__, e)
