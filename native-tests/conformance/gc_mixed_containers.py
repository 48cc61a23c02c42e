# Cycles through tuples, sets, dicts and instances; each container counts once.
import gc


class Box:
    def __init__(self):
        self.items = None


gc.disable()
gc.collect()
lst = []
t = (lst, 1)
lst.append(t)
del lst, t
print("list <-> tuple:", gc.collect())
b = Box()
s = {b}
b.items = s
del b, s
print("instance <-> set:", gc.collect())
b = Box()
b.items = {"box": b, "more": [b, (b,)]}
del b
print("instance -> dict -> list, tuple:", gc.collect())
a = Box()
c = Box()
a.items = [c]
c.items = {"back": (a,)}
del a, c
print("two boxes:", gc.collect())
gc.enable()
