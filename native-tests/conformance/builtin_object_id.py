# object() and id(): identity compared, never printed.
a = object()
b = object()
print(type(a).__name__, a is b, a == b, a != b, a == a)
print(id(a) == id(a), id(a) == id(b), type(id(a)).__name__)
x = [1]
y = x
print(id(x) == id(y), id(x) == id([1]))
print(isinstance(a, object), isinstance(5, object))
print(hasattr(a, "anything"))
try:
    a.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)


class Sub:
    pass


s = Sub()
s.attr = 1
print(s.attr, isinstance(s, object))
print(id(None) == id(None), id(True) == id(1 == 1))
print(str(a) == repr(a), str(a).startswith("<object object at 0x"))
