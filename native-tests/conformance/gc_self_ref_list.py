# A list that contains itself is only reclaimed by the collector.
import gc
import sys

gc.disable()
gc.collect()
a = []
a.append(a)
print(a)
print(len(a), a[0] is a)
print(sys.getrefcount(a))
del a
print(gc.collect())
b = [1, 2]
b.append(b)
b.append([b, 3])
print(b)
del b
print(gc.collect())
print(gc.collect())
gc.enable()
