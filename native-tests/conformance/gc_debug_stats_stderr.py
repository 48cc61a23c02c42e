# DEBUG_STATS writes a report to stderr (it holds timings, so it is not
# compared); the program ends with a fixed last stderr line from a failed assert.
import gc

gc.disable()
gc.collect()
a = []
a.append(a)
del a
gc.set_debug(gc.DEBUG_STATS)
n = gc.collect()
gc.set_debug(0)
print("collected:", n)
print("debug off:", gc.get_debug())
assert n == 0, "stats were written to stderr above"
