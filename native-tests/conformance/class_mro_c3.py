# The C3 linearization of a larger hierarchy (the classic example), and lookups through it.
class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass

def names(cls):
    return " ".join(k.__name__ for k in cls.__mro__)

for cls in (A, B, C, D, E, F):
    print(cls.__name__, ":", names(cls))

class X:
    tag = "X"
    def hello(self):
        return "X.hello"
class Y:
    tag = "Y"
    extra = "from Y"
    def hello(self):
        return "Y.hello"
    def only_y(self):
        return "only in Y"
class Z(X, Y):
    pass

z = Z()
print(z.tag, z.extra, z.hello(), z.only_y())
print(Z.tag, Z.hello(z))
print(isinstance(z, X), isinstance(z, Y), isinstance(z, (int, Y)))
print(issubclass(Z, (str, X)), issubclass(Z, object), issubclass(X, Z))
print(sorted(n for n in dir(z) if not n.startswith("_")))
