# A class is an object in reference cycles of its own (its __mro__ names it, and so do
# the __dict__/__weakref__ descriptors in its dict), so sys.getrefcount counts them and a
# class nobody uses any more is reclaimed by the cycle collector, not by refcounting.
import gc, sys, weakref

gc.collect()


class A:
    pass


print(list(A.__dict__))
print("refs to A:", sys.getrefcount(A))
a = A()
print("refs to A with an instance:", sys.getrefcount(A))


class B(A):
    "B's docstring"
    x = 1

    def f(self):
        return 1


print(list(B.__dict__))
print("refs to A, B:", sys.getrefcount(A), sys.getrefcount(B))
print(A.__dict__["__dict__"], A.__dict__["__weakref__"])
print(A.__mro__, A.__bases__, B.__mro__)
print(A.__mro__ is A.__mro__, B.__doc__)
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
print(len(gc.get_referents(A)))


class E(Exception):
    pass


print(list(E.__dict__), sys.getrefcount(E))


def make():
    class T:
        def m(self):
            pass

    t = T()
    t.me = t
    return weakref.ref(T)


w = make()
print("class alive before collect:", w() is not None)
print("collected:", gc.collect())
print("class gone:", w() is None)


def make_exception_class():
    class LocalError(Exception):
        pass


make_exception_class()
print("collected:", gc.collect())


def make_pair():
    class T:
        pass

    class U(T):
        pass


make_pair()
print("collected:", gc.collect())


class S:
    def hello(self):
        return "S"


class S2(S):
    def hello(self):
        return "S2>" + super().hello()


print(S2().hello(), sys.getrefcount(S2))


def make_super_user():
    class P:
        def m(self):
            return super().__repr__

    return weakref.ref(P)


w4 = make_super_user()
print("collected:", gc.collect(), w4())
