# gc.get_stats: per-generation counters (print only what is predictable).
import gc

gc.disable()
gc.collect()
stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for s in stats:
    print(sorted(s))
before = gc.get_stats()
a = []
a.append(a)
b = {}
b["b"] = b
del a, b
print("collect(0):", gc.collect(0))
mid = gc.get_stats()
print("gen0 collections +", mid[0]["collections"] - before[0]["collections"])
print("gen0 collected +", mid[0]["collected"] - before[0]["collected"])
print("gen2 collections +", mid[2]["collections"] - before[2]["collections"])
c = [[], []]
c[0].append(c)
del c
print("collect():", gc.collect())
after = gc.get_stats()
print("gen2 collections +", after[2]["collections"] - mid[2]["collections"])
print("gen2 collected +", after[2]["collected"] - mid[2]["collected"])
print("uncollectable +", after[2]["uncollectable"] - mid[2]["uncollectable"])
gc.enable()
