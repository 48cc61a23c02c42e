# gc.is_finalized: set once an object's __del__ has run (PEP 442).
import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


class Plain:
    pass


gc.disable()
gc.collect()
p = Phoenix("p")
print("before:", gc.is_finalized(p))
del p
print("resurrected:", len(saved), saved[0].name)
print("after:", gc.is_finalized(saved[0]))
saved.clear()
print("freed for good without a second __del__")
q = Plain()
del q
print("plain objects are never finalized:", gc.is_finalized(Plain()))
print("non-gc objects:", gc.is_finalized(5), gc.is_finalized("s"))
gc.enable()
