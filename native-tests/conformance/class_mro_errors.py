# MRO conflicts and invalid bases, as CPython words them.
class A: pass
class B(A): pass
class C: pass

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class D(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class E(bool):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class F(Exception, list):
        pass
except TypeError as e:
    print("TypeError:", e)

class Ok(B, C):
    pass
print([k.__name__ for k in Ok.__mro__])
class KE(KeyError, TypeError):
    pass
print([k.__name__ for k in KE.__mro__])
try:
    raise KE("k")
except TypeError as e:
    print("caught as TypeError:", type(e).__name__, e)
