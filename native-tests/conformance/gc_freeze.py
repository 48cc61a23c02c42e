# gc.freeze moves everything tracked to the permanent generation, which no
# collection looks at; gc.unfreeze brings it back into generation 2.
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.edges = []


gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.edges.append(b)
b.edges.append(a)
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
del a, b
print("collect while frozen:", gc.collect())
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
print("collect after unfreeze:", gc.collect())
x = []
x.append(x)
gc.freeze()
n = gc.get_freeze_count()
y = []
gc.freeze()
print("second freeze adds new objects:", gc.get_freeze_count() > n)
gc.unfreeze()
print("freeze count:", gc.get_freeze_count())
del x, y
print("collect:", gc.collect())
gc.enable()
