# sys.intern returns one shared object for equal strings.
import sys

a = "".join(["hello", "_", "world"])
b = "hello_" + "world".lower()
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib)
print(ia == a, sys.intern(ia) is ia)
c = "".join(["hello", "_", "world"])
print(sys.intern(c) is ia)
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
