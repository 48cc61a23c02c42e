# Exercise 8, a solution: a collection untracks tuples of atomic values only.
import gc

pair = tuple([1, 2])  # built at run time: a constant tuple would never be tracked
before = gc.is_tracked(pair)
gc.collect()
after = gc.is_tracked(pair)
holder = tuple([1, []])
gc.collect()
holder_after = gc.is_tracked(holder)
print("pair tracked before:", before, "after:", after, "holder after:", holder_after)

BEFORE = True
AFTER = False
HOLDER_AFTER = True
WHY = "b"
