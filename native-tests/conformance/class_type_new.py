# type(name, bases, dict): classes made at run time.
def f(self):
    return self.a + 1


X = type("X", (object,), {"a": 1, "f": f, "__doc__": "made by type()"})
x = X()
print(X.__name__, x.f(), X.a, type(X).__name__, X.__doc__, X.__module__)
Y = type("Y", (X,), {"a": 10})
print(Y().f(), Y.__mro__[1] is X, Y.__bases__ == (X,), isinstance(Y(), X))
E = type("E", (), {})
print(E.__bases__ == (object,), E.__mro__ == (E, object))
L = type("L", (list,), {"first": lambda self: self[0]})
l = L([3, 4])
print(l, l.first(), len(l))
ns = {"v": 1}
Z = type("Z", (), ns)
ns["v"] = 2
print(Z.v)
for args in [("A", (1,), {}), ("A", [], {}), (1, (), {})]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("A", (), {}, 4)
except TypeError as e:
    print("TypeError:", e)
