# gc.set_debug / gc.get_debug and the DEBUG_* constants.
import gc

print("DEBUG_STATS", gc.DEBUG_STATS)
print("DEBUG_COLLECTABLE", gc.DEBUG_COLLECTABLE)
print("DEBUG_UNCOLLECTABLE", gc.DEBUG_UNCOLLECTABLE)
print("DEBUG_SAVEALL", gc.DEBUG_SAVEALL)
print("DEBUG_LEAK", gc.DEBUG_LEAK)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
print("initial:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_SAVEALL)
print(gc.get_debug(), bool(gc.get_debug() & gc.DEBUG_STATS))
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug(), bool(gc.get_debug() & gc.DEBUG_STATS))
gc.set_debug(0)
print(gc.get_debug())
try:
    gc.set_debug("all")
except TypeError as e:
    print(type(e).__name__, e)
