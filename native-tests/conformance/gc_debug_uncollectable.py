# DEBUG_UNCOLLECTABLE reports only objects the collector cannot free; since
# PEP 442 cycles with __del__ are freed, nothing is reported and stderr stays empty.
import gc

ran = []


class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        ran.append(self.name)


gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
a = Res("a")
b = Res("b")
a.peer = b
b.peer = a
del a, b
print("collected:", gc.collect())
print("finalized:", sorted(ran))
print("garbage:", gc.garbage)
gc.set_debug(0)
print("debug:", gc.get_debug())
gc.enable()
