# Dicts in cycles: a dict holding itself, and two dicts holding each other.
import gc

gc.disable()
gc.collect()
d = {}
d["self"] = d
print(d)
print(gc.is_tracked(d))
del d
print(gc.collect())
x = {"name": "x"}
y = {"name": "y", "peer": x}
x["peer"] = y
print(x["peer"]["peer"] is x)
del x, y
print(gc.collect())
z = {1: [], 2: {}}
z[1].append(z)
del z
print(gc.collect())
gc.enable()
