# An object in a cycle that resurrects itself in __del__ is not counted
# as collected, and its __del__ never runs again.
import gc

survivors = []


class Lazarus:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__", self.name)
        survivors.append(self)


gc.disable()
gc.collect()
x = Lazarus("x")
del x
print("collected:", gc.collect())
print("survivors:", [s.name for s in survivors])
print("finalized:", gc.is_finalized(survivors[0]))
survivors.clear()
print("collected after dropping it:", gc.collect())
print("no second __del__ above")
gc.enable()
