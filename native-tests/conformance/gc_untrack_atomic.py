# Tuples of atomic values are tracked at creation and untracked by a collection;
# dicts only become tracked when they may hold a container, and only a full
# collection untracks them again.
import gc

gc.disable()
gc.collect()
n = 7
t = (n, n + 1, "s")
u = (n, [n])
print("fresh:", gc.is_tracked(t), gc.is_tracked(u))
gc.collect()
print("after collect:", gc.is_tracked(t), gc.is_tracked(u))
w = (t, n)
print("tuple of an untracked tuple, fresh:", gc.is_tracked(w))
gc.collect(0)
print("after collect(0):", gc.is_tracked(w))
d = {"a": [1]}
print("dict with list:", gc.is_tracked(d))
d["a"] = 1
gc.collect(0)
print("list replaced, after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect(2)
print("after collect(2):", gc.is_tracked(d))
e = dict(x=1, y=2)
print("dict(x=1, y=2):", gc.is_tracked(e))
f = {"k": (n, n)}
print("dict holding a fresh tuple:", gc.is_tracked(f))
gc.enable()
