# get_threshold / set_threshold.
import gc

print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(100, 20, 30)
print(gc.get_threshold())
t0, t1, t2 = gc.get_threshold()
print(t0 + t1 + t2)
gc.set_threshold(old[0], old[1], old[2])
print(gc.get_threshold() == old)
print(type(gc.get_threshold()).__name__, len(gc.get_threshold()))
