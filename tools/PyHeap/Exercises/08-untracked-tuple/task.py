# Exercise 8: see why a tuple stops being tracked. Run it, then fill in the answers.
import gc

pair = tuple([1, 2])  # built at run time: a constant tuple would never be tracked
before = gc.is_tracked(pair)
gc.collect()
after = gc.is_tracked(pair)
holder = tuple([1, []])
gc.collect()
holder_after = gc.is_tracked(holder)
print("pair tracked before:", before, "after:", after, "holder after:", holder_after)

BEFORE = None        # True or False: was `pair` tracked before the collection?
AFTER = None         # and after it?
HOLDER_AFTER = None  # was `holder` (it holds a list) tracked after its collection?
WHY = None           # the letter of the reason `pair` changed:
#   "a": the collector freed `pair` and made a copy that is not tracked
#   "b": a tuple whose items are all atomic can never be part of a cycle, so the
#        collector took it off its lists
#   "c": ints are immortal, so every tuple of ints is immortal too
