# gc.get_count(): allocations of tracked objects raise the generation 0 count.
import gc


class Empty:
    pass


gc.disable()
gc.collect()
c = gc.get_count()
print(type(c).__name__, len(c))
print("right after collect:", c)
keep = []
gc.get_count()
before = gc.get_count()[0]
for i in range(100):
    keep.append(Empty())
after = gc.get_count()[0]
print("100 instances, delta gen0:", after - before)
del keep[:50]
print("50 freed, delta gen0:", gc.get_count()[0] - before)
print("older gens:", gc.get_count()[1], gc.get_count()[2])
gc.collect(0)
print("after collect(0): gen1 =", gc.get_count()[1])
gc.collect(0)
print("after collect(0): gen1 =", gc.get_count()[1])
gc.collect(1)
print("after collect(1): gen1, gen2 =", gc.get_count()[1], gc.get_count()[2])
gc.collect()
print("after collect():", gc.get_count())
gc.enable()
