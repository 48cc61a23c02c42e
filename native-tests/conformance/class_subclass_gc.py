# Instances of classes derived from list, dict and set: their dict and weakrefs, cycles through them, __del__.
import gc, weakref, sys
gc.disable(); gc.collect()
class L(list):
    def __del__(self): print("del L", len(self))
class D(dict): pass
a = L([1]); a.append(a); a.me = a
d = D(); d["d"] = d; d.attr = [d]
r = weakref.ref(a)
print(sys.getrefcount(a))
del a, d
print("collected", gc.collect(), r() is None)
class S(set): pass
s = S([1]); s.x = s
w = weakref.ref(s)
del s
print(gc.collect(), w())
x = L([5]); del x
print("end")
