# import m and from m import x for the supported modules.
import gc
import sys
import weakref
import ctypes
from gc import collect, isenabled
from sys import getrefcount
from weakref import ref, WeakValueDictionary
from ctypes import c_ssize_t, py_object, cast

print(type(gc).__name__, gc.__name__, sys.__name__, weakref.__name__, ctypes.__name__)
print(collect is gc.collect, isenabled())
print(getrefcount is sys.getrefcount)
print(ref is weakref.ref, WeakValueDictionary is weakref.WeakValueDictionary)
print(c_ssize_t is ctypes.c_ssize_t)
x = [1]
print(cast(id(x), py_object).value is x, c_ssize_t.from_address(id(x)).value)
import gc as g
from sys import getsizeof as size
print(g is gc, size([]))


def local_import():
    import weakref
    from gc import get_threshold
    return weakref.ref, get_threshold()


r, th = local_import()
print(r is ref, th)
