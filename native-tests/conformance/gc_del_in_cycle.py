# Cycles whose objects have __del__ are collected (PEP 442); each __del__ runs once.
import gc

ran = []


class D:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        ran.append(self.name)


gc.disable()
gc.collect()
a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print("collected:", gc.collect())
print("finalized:", sorted(ran))
print("garbage:", gc.garbage)
ran.clear()
c = D("c")
c.other = c
del c
print("self cycle:", gc.collect(), ran)
ran.clear()
x = D("x")
y = D("y")
z = D("z")
x.other = y
y.other = z
z.other = x
del x, y, z
print("three-cycle:", gc.collect(), sorted(ran))
gc.enable()
