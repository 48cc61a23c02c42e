# gc.enable / gc.disable / gc.isenabled; collect() works while disabled.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
a = []
a.append(a)
del a
print("collected while disabled:", gc.collect())
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
